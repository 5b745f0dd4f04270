package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI on data/sample, as a user runs it; then the datasets are read back and checked. */
class SampleRunTest {
  @TempDir static Path dir;
  static Path out;
  static JsonNode summary;

  @BeforeAll
  static void runOnTheSample() throws IOException {
    out = SampleRun.output();
    summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
  }

  private static SparkSession spark() {
    return TestSpark.session();
  }

  private static Dataset<Row> dataset(String name) {
    return spark().read().parquet(out.resolve("datasets").resolve(name).toString());
  }

  /**
   * Records and distinct ids of every sample file, counted independently of Spark: JSON lines with Jackson, OAI-PMH
   * records and Atom entries with the JDK's DOM parser.
   */
  private static long[] linesAndDistinctIds() throws IOException {
    var ids = new java.util.HashSet<String>();
    long lines = 0;
    var json = new ObjectMapper();
    try (var files = Files.walk(TestSpark.sample())) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.jsonl(\\.gz)?$")).toList()) {
        var in = Files.newInputStream(file);
        var stream = file.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in;
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stream,
            java.nio.charset.StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines++;
            ids.add(json.readTree(line).get("id").asText());
          }
        }
      }
    }
    for (var paper : org.arxivdigest.testing.XmlPapers.read(TestSpark.sample())) {
      lines++;
      ids.add(paper.id());
    }
    return new long[] {lines, ids.size()};
  }

  @Test
  void everyRecordReadIsAPaperADuplicateOrQuarantined() throws IOException {
    long read = summary.get("records_read").asLong();
    assertThat(read).isEqualTo(linesAndDistinctIds()[0]).isEqualTo(11_847); // data/sample/MANIFEST.md
    assertThat(summary.get("papers").asLong() + summary.get("duplicates_dropped").asLong()
        + summary.get("quarantined").asLong()).isEqualTo(read);
    assertThat(summary.get("accounting_balanced").asBoolean()).isTrue();
    assertThat(summary.get("status").asText()).isEqualTo("succeeded");
  }

  @Test
  void papersAreOnePerDistinctIdOfTheInput() throws IOException {
    Dataset<Row> papers = dataset("papers");
    long distinct = linesAndDistinctIds()[1];
    assertThat(papers.count()).isEqualTo(summary.get("papers").asLong()).isEqualTo(distinct).isEqualTo(11_540);
    assertThat(papers.select(countDistinct(col("id"))).first().getLong(0)).isEqualTo(distinct);
    assertThat(summary.get("duplicates_dropped").asLong()).isEqualTo(307);
  }

  @Test
  void versionRowsEqualTheSumOfVersionCounts() {
    long expected = dataset("papers").agg(sum("version_count")).first().getLong(0);
    assertThat(dataset("versions").count()).isEqualTo(expected).isEqualTo(summary.get("versions").asLong());
  }

  @Test
  void datasetsHaveTheDocumentedSchemas() {
    assertThat(namesAndTypes(dataset("papers").schema())).isEqualTo(namesAndTypes(Schemas.PAPERS));
    assertThat(namesAndTypes(dataset("versions").schema())).containsExactlyInAnyOrderElementsOf(
        namesAndTypes(Schemas.VERSIONS_TABLE));
    assertThat(namesAndTypes(dataset("quarantine").schema())).isEqualTo(namesAndTypes(Schemas.QUARANTINE));
    assertThat(out.resolve("datasets/versions/month=2007_04")).isDirectory();
  }

  /** How each column of a dataset's largest Parquet file is stored: leaf path to its footer metadata. */
  static java.util.Map<String, org.apache.parquet.hadoop.metadata.ColumnChunkMetaData> columnChunks(Path dataset)
      throws IOException {
    Path file;
    try (var files = Files.walk(dataset)) {
      file = files.filter(p -> p.toString().endsWith(".parquet"))
          .max(java.util.Comparator.comparingLong((Path p) -> p.toFile().length()).thenComparing(p -> p))
          .orElseThrow();
    }
    var conf = new org.apache.hadoop.conf.Configuration();
    try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
        org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))) {
      var chunks = new java.util.TreeMap<String, org.apache.parquet.hadoop.metadata.ColumnChunkMetaData>();
      for (var chunk : reader.getFooter().getBlocks().get(0).getColumns()) {
        chunks.put(chunk.getPath().toDotString(), chunk);
      }
      return chunks;
    }
  }

  @Test
  void papersArePartitionedByTheYearOfTheirId() throws IOException {
    Dataset<Row> papers = dataset("papers");
    assertThat(papers.filter(col("id_year").notEqual(org.arxivdigest.normalize.Ids.year(col("id")))).count())
        .isZero();
    var years = new java.util.TreeSet<String>();
    papers.select("id_year").distinct().collectAsList().forEach(r -> years.add("id_year=" + r.getInt(0)));
    try (var dirs = Files.list(out.resolve("datasets/papers"))) {
      assertThat(dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(years);
    }
    assertThat(years).contains("id_year=1996", "id_year=2007", "id_year=2026");
  }

  @Test
  void freeTextIsStoredWithoutADictionaryAndTimestampsAsMicros() throws IOException {
    // 2007: the Kaggle dump's papers, which carry licenses (the converted recent papers have none).
    var papers = columnChunks(out.resolve("datasets/papers/id_year=2007"));
    for (String text : List.of("id", "title", "abstract", "authors", "authors_parsed.list.element.list.element")) {
      assertThat(papers.get(text).hasDictionaryPage()).as(text).isFalse();
    }
    // Few distinct values: the dictionary stays where it pays.
    assertThat(papers.get("license").hasDictionaryPage()).isTrue();
    assertThat(papers.get("categories.list.element").hasDictionaryPage()).isTrue();
    // Parquet's standard INT64 microseconds, not Spark's legacy INT96.
    assertThat(papers.get("first_version_at").getPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64);
    assertThat(papers.get("first_version_at").getPrimitiveType().getLogicalTypeAnnotation()).isEqualTo(
        org.apache.parquet.schema.LogicalTypeAnnotation.timestampType(true,
            org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS));
  }

  @Test
  void aPaperIsNormalized() {
    Row p = dataset("papers").filter(col("id").equalTo("0704.0001")).first();
    assertThat((String) p.getAs("title"))
        .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat((String) p.getAs("abstract")).startsWith("A fully differential calculation in perturbative");
    assertThat(p.<String>getAs("primary_category")).isEqualTo("hep-ph");
    assertThat(p.getList(p.fieldIndex("archives"))).containsExactly("hep-ph");
    assertThat(p.<Integer>getAs("version_count")).isEqualTo(2);
    assertThat(p.<String>getAs("journal_ref")).isEqualTo("Phys.Rev.D76:013009,2007");
    // The same record in the 2023 and the 2025 dump: equal versions and update_date, so the later path wins.
    Row twice = dataset("papers").filter(col("id").equalTo("0704.0163")).first();
    assertThat(twice.<String>getAs("source_file")).endsWith("wanng_head200_dump2023.jsonl");
    Row old = dataset("papers").filter(col("id").equalTo("hep-th/9608091")).first();
    assertThat(old.<String>getAs("primary_category")).isEqualTo("hep-th");
  }

  @Test
  void authorsAreListedWithTheLettersTheirTexAccentsMake() {
    // data/sample/oai's arXivRaw page writes "Jochen Braum\"uller ... Gerd Sch\"on": the papers dataset keeps the
    // source's names, the listings (pages, feeds, extracts) show the letters.
    Row paper = dataset("papers").filter(col("id").equalTo("1602.05600")).first();
    assertThat(paper.<String>getAs("authors")).contains("Braum\\\"uller");
    Dataset<Row> listings = dataset("listings");
    Row listed = listings.filter(col("id").equalTo("1602.05600")).first();
    assertThat(listed.<String>getList(listed.fieldIndex("authors"))).contains("Jochen Braumüller", "Gerd Schön");
    String texAccent = "\\\\[\"'`^~=.]\\s*\\{?[A-Za-z]";
    assertThat(listings.selectExpr("explode(authors) AS name").filter(col("name").rlike(texAccent)).count())
        .as("display names with a TeX accent left").isZero();
  }

  @Test
  void compressedCopiesOfTheSampleGiveTheSamePapers() throws IOException {
    Path compressed = Files.createDirectories(dir.resolve("compressed"));
    try (var files = Files.list(TestSpark.sample().resolve("kaggle"))) {
      int i = 0; // the kaggle/ files, each gzipped or bzip2ed; recent/ is gzipped already
      for (Path file : files.sorted().toList()) {
        boolean gz = i++ % 2 == 0;
        Path target = compressed.resolve(file.getFileName() + (gz ? ".gz" : ".bz2"));
        try (OutputStream os = gz ? new GZIPOutputStream(Files.newOutputStream(target))
            : new BZip2CompressorOutputStream(Files.newOutputStream(target))) {
          os.write(Files.readAllBytes(file));
        }
      }
    }
    Path out2 = dir.resolve("output-compressed");
    assertThat(ArxivDigest.run("ingest", "--input", compressed.toString(), "--output", out2.toString(),
        "--master", "local[2]")).isZero();
    Dataset<Row> plain = dataset("papers").filter(col("source_file").contains("/kaggle/")).drop("source_file");
    Dataset<Row> fromCompressed = spark().read().parquet(out2.resolve("datasets/papers").toString())
        .drop("source_file");
    assertThat(fromCompressed.count()).isEqualTo(plain.count());
    assertThat(fromCompressed.exceptAll(plain).count()).isZero();
    assertThat(plain.exceptAll(fromCompressed).count()).isZero();
  }

  private static List<String> namesAndTypes(StructType schema) {
    return Arrays.stream(schema.fields()).map(SampleRunTest::nameAndType).toList();
  }

  private static String nameAndType(StructField f) {
    return f.name() + ":" + f.dataType().catalogString();
  }
}
