package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.Csv;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** The aggregates and CSV extracts of the shared sample run agree with the listings and with each other. */
class AggregateRunTest {
  private static Dataset<Row> dataset(String name) {
    // The shared run first: a CLI run stops the session it used.
    String path = SampleRun.output().resolve("datasets/" + name).toString();
    return TestSpark.session().read().parquet(path);
  }

  @Test
  void listedEntriesOfTheTopicStatsSumToTheListings() {
    Map<String, Long> fromListings = new TreeMap<>();
    for (Row r : dataset("listings").groupBy("topic", "month").count().collectAsList()) {
      fromListings.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
    }
    Map<String, Long> fromStats = new TreeMap<>();
    for (Row r : dataset("monthly_topic_stats").filter(col("listed_entries").isNotNull()).collectAsList()) {
      fromStats.merge(r.<String>getAs("topic") + "/" + r.<String>getAs("month"), r.<Long>getAs("listed_entries"),
          Long::sum);
    }
    assertThat(fromListings).isNotEmpty();
    assertThat(fromStats).isEqualTo(fromListings);
    // Topics that list every version by keyword: the entries are the month's versions.
    List<String> everyVersion = TopicsConfig.load(SampleRun.topics(), new org.apache.hadoop.conf.Configuration())
        .stream().filter(t -> t.listing() == Topic.Listing.VERSIONS).map(Topic::slug).toList();
    assertThat(everyVersion).contains("llm");
    for (Row r : dataset("monthly_topic_stats").filter(col("method").equalTo("keyword"))
        .filter(col("topic").isin(everyVersion.toArray())).collectAsList()) {
      assertThat(r.<Long>getAs("listed_entries")).as(r.toString()).isEqualTo(r.<Long>getAs("versions"));
      assertThat(r.<Long>getAs("listed_papers")).isEqualTo(r.<Long>getAs("distinct_papers"));
      assertThat(r.<Long>getAs("new_papers") + r.<Long>getAs("updated_papers"))
          .isGreaterThanOrEqualTo(r.<Long>getAs("distinct_papers"));
    }
  }

  @Test
  void categoryStatsCountEveryVersionOfEveryCategoryOfEveryPaper() {
    Row totals = dataset("monthly_category_stats").selectExpr("sum(versions)", "sum(new_primary_papers)").first();
    long expectedVersions = dataset("papers").selectExpr("sum(size(categories) * version_count)").first()
        .getLong(0);
    assertThat(totals.getLong(0)).isEqualTo(expectedVersions);
    assertThat(totals.getLong(1)).as("each paper is new once, in its primary category")
        .isEqualTo(dataset("papers").count());
  }

  @Test
  void trendingTermsRoseAgainstEarlierMonths() {
    Dataset<Row> trending = dataset("trending_terms");
    assertThat(trending.count()).isPositive();
    // Each row passed the thresholds of TrendingTerms: a score of at least 1.96, 5 papers with the term of a month
    // of 20 or more, a baseline of 1 to 12 months and at least 50 papers.
    assertThat(trending.filter(col("score").lt(1.96).or(col("baseline_months").leq(0))
        .or(col("baseline_months").gt(12)).or(col("rank").gt(25)).or(col("papers_with_term").lt(5))
        .or(col("month_papers").lt(20)).or(col("baseline_papers").lt(50))).count()).isZero();
    assertThat(trending.filter(col("topic").equalTo("llm").and(col("month").equalTo("2026_05"))).count())
        .isPositive();
  }

  @Test
  void trendingTermsAreLabelledAsTheirPapersWriteThemAndThePagesShowTheLabels() throws IOException {
    List<Row> rows = dataset("trending_terms").select("topic", "month", "term", "label").collectAsList();
    assertThat(rows).isNotEmpty();
    for (Row r : rows) {
      String term = r.getString(2);
      String label = r.getString(3);
      // The term's words as its papers write them: read as the terms read text, the label is the term again; and
      // nothing but letters, digits, hyphens and single spaces, so no markup on any page.
      assertThat(String.join(" ", org.arxivdigest.classify.tfidf.DocumentTerms.words(label))).as(label)
          .isEqualTo(term);
      assertThat(label).matches("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]| (?! ))*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    }
    // Real months of the sample: llm's May 2026 names Gemini Flash (papers write "Gemini 2.5 Flash", "Gemini 3
    // Flash"), diffusion models' the VAE.
    assertThat(rows).extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(3))
        .contains("llm 2026_05 Gemini Flash", "diffusion_models 2026_05 VAE");
    String page = Files.readString(SampleRun.output().resolve("site/papers/llm/2026_05/papers_1.html"));
    assertThat(org.jsoup.Jsoup.parse(page).select("section.trending").text()).contains("Gemini Flash (");
    String readme = Files.readString(SampleRun.output().resolve("site/papers/llm/README.md"));
    assertThat(readme).contains("Gemini Flash (");
  }

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  private static List<String> parquetRows(Dataset<Row> data, StructType schema) {
    var out = new ArrayList<String>();
    for (Row r : data.select(Schemas.columns(schema)).collectAsList()) {
      var values = new ArrayList<String>();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        // A list (authors, categories) is one CSV field, its items joined by "; ".
        String text = v == null ? "" : v instanceof Timestamp t ? ISO.format(t.toInstant())
            : v instanceof scala.collection.Seq<?> list ? String.join("; ",
                scala.jdk.javaapi.CollectionConverters.asJava(list).stream().map(String::valueOf).toList())
            : v.toString();
        values.add(text.isEmpty() ? "<null>" : text);
      }
      out.add(String.join("\u0001", values));
    }
    out.sort(null);
    return out;
  }

  private static List<String> csvRows(Path file, StructType schema) throws IOException {
    var out = new ArrayList<String>();
    for (CSVRecord r : Csv.read(file)) {
      assertThat(r.getParser().getHeaderNames()).containsExactly(schema.fieldNames());
      var values = new ArrayList<String>();
      for (String v : r.values()) {
        values.add(v == null ? "<null>" : v);
      }
      out.add(String.join("\u0001", values));
    }
    out.sort(null);
    return out;
  }

  @Test
  void csvExtractsReadBackEqualTheParquetRows() throws IOException {
    Path extracts = SampleRun.output().resolve("extracts");
    assertThat(csvRows(extracts.resolve("monthly_topic_stats.csv"), Schemas.MONTHLY_TOPIC_STATS))
        .isEqualTo(parquetRows(dataset("monthly_topic_stats"), Schemas.MONTHLY_TOPIC_STATS));
    assertThat(csvRows(extracts.resolve("monthly_category_stats.csv"), Schemas.MONTHLY_CATEGORY_STATS))
        .isEqualTo(parquetRows(dataset("monthly_category_stats"), Schemas.MONTHLY_CATEGORY_STATS));
    assertThat(csvRows(extracts.resolve("trending_terms.csv"), Schemas.TRENDING_TERMS))
        .isEqualTo(parquetRows(dataset("trending_terms"), Schemas.TRENDING_TERMS));
    List<Topic> topics = TopicsConfig.load(SampleRun.topics(), new org.apache.hadoop.conf.Configuration());
    for (Topic t : topics) {
      Path file = extracts.resolve("listings_" + t.slug() + ".csv");
      assertThat(csvRows(file, Schemas.LISTINGS)).as(file.toString())
          .isEqualTo(parquetRows(dataset("listings").filter(col("topic").equalTo(t.slug())), Schemas.LISTINGS));
    }
    // Newest first, as the pages.
    List<CSVRecord> llm = Csv.read(extracts.resolve("listings_llm.csv"));
    assertThat(llm.get(0).get("month")).isEqualTo("2026_05");
    assertThat(Files.readString(extracts.resolve("listings_llm.csv"))).contains("\r\n");
  }

  @org.junit.jupiter.api.io.TempDir Path dir;

  @Test
  void aBackfillRewritesOnlyItsMonthsAndDropsItsStaleOnes() throws IOException {
    Path out = SampleRun.copy(dir.resolve("backfill"));
    Path stats = out.resolve("datasets/monthly_topic_stats");
    // A month outside the range, and a month inside it that has no data any more.
    for (String month : List.of("1999_01", "2024_11")) {
      Path fake = Files.createDirectories(stats.resolve("month=" + month));
      Files.copy(Files.list(stats.resolve("month=2025_05")).filter(p -> p.toString().endsWith(".parquet"))
          .findFirst().orElseThrow(), fake.resolve("part-00000-fake.parquet"));
    }
    var old = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2001-01-01T00:00:00Z"));
    Path other = Files.list(stats.resolve("month=2026_05")).filter(p -> p.toString().endsWith(".parquet"))
        .findFirst().orElseThrow();
    Files.setLastModifiedTime(other, old);
    long before = TestSpark.session().read().parquet(stats.toString()).filter(col("month").equalTo("2025_05"))
        .count();

    assertThat(org.arxivdigest.cli.ArxivDigest.run(SampleRun.withCommonOptions(out, "aggregate", "--from",
        "2024-01", "--to", "2025-12"))).isZero();

    assertThat(stats.resolve("month=1999_01")).as("outside the range: kept").exists();
    assertThat(stats.resolve("month=2024_11")).as("in the range, no data: removed").doesNotExist();
    assertThat(Files.getLastModifiedTime(other)).as("2026_05 untouched").isEqualTo(old);
    assertThat(TestSpark.session().read().parquet(stats.toString()).filter(col("month").equalTo("2025_05"))
        .count()).isEqualTo(before);
  }

  @Test
  void aBackfillReadsTheKeptTermPriorAndANewKeyRecomputesItToTheSameTerms() throws IOException {
    Path out = SampleRun.copy(dir.resolve("idf"));
    Path idf = out.resolve("_state/term_prior");
    Path stamp = out.resolve("_state/term_prior.json");
    assertThat(stamp).as("the full run kept the corpus prior").exists();
    var old = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2001-01-01T00:00:00Z"));
    List<Path> files = parquetFiles(idf);
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Files.setLastModifiedTime(f, old);
    }
    Path trending = out.resolve("datasets/trending_terms");
    List<String> before = rows(trending);
    assertThat(before).as("the sample has trending terms in 2026-05").isNotEmpty();

    String[] backfill = SampleRun.withCommonOptions(out, "aggregate", "--from", "2026-05", "--to", "2026-05");
    assertThat(org.arxivdigest.cli.ArxivDigest.run(backfill)).isZero();
    for (Path f : files) {
      assertThat(Files.getLastModifiedTime(f)).as("read, not rewritten: " + f).isEqualTo(old);
    }
    // The month's trending terms, computed through its candidates written to the run's work folder and the prior's
    // rows of their terms only: the rows of the full run, and no work folder left behind.
    assertThat(rows(trending)).isEqualTo(before);
    if (Files.exists(out.resolve("_work"))) {
      try (var left = Files.list(out.resolve("_work"))) {
        assertThat(left).as("the run's work folder is removed").isEmpty();
      }
    }

    // A stamp of other papers (or another build) is not trusted: the table is computed again, to the same terms.
    Files.writeString(stamp, Files.readString(stamp).replaceFirst("\"key\" : \"[0-9a-f]+\"", "\"key\" : \"0\""));
    assertThat(org.arxivdigest.cli.ArxivDigest.run(backfill)).isZero();
    List<Path> rewritten = parquetFiles(idf);
    assertThat(rewritten).isNotEmpty();
    for (Path f : rewritten) {
      assertThat(Files.getLastModifiedTime(f)).as("computed again: " + f).isNotEqualTo(old);
    }
    assertThat(Files.readString(stamp)).doesNotContain("\"key\" : \"0\"");
    assertThat(rows(trending)).isEqualTo(before);
  }

  private static List<Path> parquetFiles(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(".parquet")).toList();
    }
  }

  /** The trending terms of 2026-05, one sorted line per row (a CLI run stops the session: nothing lazy survives it). */
  private static List<String> rows(Path dataset) {
    return TestSpark.session().read().parquet(dataset.toString()).filter(col("month").equalTo("2026_05"))
        .collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void everyDatasetHasAManifestThatAgreesWithItsFiles() throws IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String name : org.arxivdigest.testing.Outputs.DATASETS) {
      Path dir = SampleRun.output().resolve("datasets/" + name);
      var manifest = mapper.readTree(dir.resolve("_manifest.json").toFile());
      assertThat(manifest.get("dataset").asText()).isEqualTo(name);
      assertThat(manifest.get("run_id").asText()).isNotBlank();
      assertThat(manifest.get("fingerprint").asText()).matches("-?\\d+");
      long rows = dataset(name).count();
      assertThat(manifest.get("rows").asLong()).as(name).isEqualTo(rows);
      var partitions = manifest.get("partitions");
      if (manifest.get("partition_columns").isEmpty()) {
        assertThat(partitions).isEmpty();
        continue;
      }
      long sum = 0;
      var keys = new ArrayList<String>();
      for (var it = partitions.fields(); it.hasNext(); ) {
        var e = it.next();
        keys.add(e.getKey());
        sum += e.getValue().asLong();
        assertThat(dir.resolve(e.getKey())).as(name + " partition " + e.getKey()).isDirectory();
      }
      assertThat(sum).as(name + ": partition rows add up").isEqualTo(rows);
      try (var dirs = Files.list(dir)) {
        long onDisk = dirs.filter(p -> p.getFileName().toString().contains("=")).count();
        if (manifest.get("partition_columns").size() == 1) {
          assertThat(keys).as(name).hasSize((int) onDisk);
        }
      }
    }
  }
}
