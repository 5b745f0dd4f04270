package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.cli.ExitCodes;
import org.arxivdigest.testing.Csv;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code src/test/resources/bad/}, table in its README) in one ingest: the run finishes,
 * each file gives the papers and quarantine reasons {@code expected.csv} says, the good records around each bad one
 * are all there, the truncated gzip is named in the summary, and the accounting balances.
 */
class BadInputCorpusTest {
  @TempDir Path dir;

  private static final Path CORPUS = TestSpark.repo().resolve("jobs/src/test/resources/bad");

  /** The text of a corpus file: decompressed where it is compressed, up to a cut; as it is where its name lies. */
  private static String text(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    String name = file.getFileName().toString();
    byte[] head = Files.readAllBytes(file);
    boolean gzip = head.length > 1 && head[0] == 0x1f && head[1] == (byte) 0x8b; // 42, 55: plain text named .gz
    InputStream in = name.endsWith(".gz") && gzip ? new GZIPInputStream(raw)
        : name.endsWith(".bz2") ? new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(raw)
        : raw;
    var out = new java.io.ByteArrayOutputStream();
    try (in) {
      in.transferTo(out);
    } catch (java.io.EOFException cut) {
      // a gzip cut in half: what comes before the cut
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final Pattern XML_RECORD = Pattern.compile("<(record|entry)>(.*?)</\\1>", Pattern.DOTALL);
  /** A record's id: arXivRaw's {@code <id>}, or an Atom entry's without its address and version. */
  private static final Pattern XML_ID =
      Pattern.compile("<id>(?:https?://arxiv\\.org/abs/)?([^<:]+?)(?:v\\d+)?</id>");

  /**
   * The ids of the first and last complete records of a corpus file that are good records (of a compressed file,
   * the first only): JSON lines, or XML records (read with a regex, as some of these files are not well-formed).
   */
  private static List<String> goodIdsAround(Path file) throws IOException {
    String name = file.getFileName().toString();
    String text = text(file);
    var ids = new ArrayList<String>();
    if (name.contains(".xml")) {
      var found = new ArrayList<String>();
      Matcher record = XML_RECORD.matcher(text);
      while (record.find()) {
        Matcher id = XML_ID.matcher(record.group(2));
        if (id.find()) { // not an API error entry
          found.add(id.group(1));
        }
      }
      if (!found.isEmpty()) {
        ids.add(found.get(0));
        if (!name.endsWith(".gz")) {
          ids.add(found.get(found.size() - 1));
        }
      }
      return ids;
    }
    List<String> lines = text.lines().toList();
    var mapper = new ObjectMapper();
    if (lines.isEmpty()) {
      return ids;
    }
    for (String candidate : name.endsWith(".gz") ? List.of(lines.get(0)) : List.of(lines.get(0),
        lines.get(lines.size() - 1))) {
      JsonNode node = mapper.readTree(candidate.replace("\uFEFF", "").strip());
      ids.add(node.get("id").asText());
    }
    return ids;
  }

  @Test
  void everyKindOfBadInputEndsAsTheTableSaysAndTheGoodRecordsAroundItArrive() throws IOException {
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "ingest", "--input", CORPUS.toString())))
        .as("the run finishes").isZero();

    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    List<CSVRecord> expected = Csv.read(CORPUS.resolve("expected.csv"));
    assertThat(expected).hasSizeGreaterThanOrEqualTo(30);

    var spark = TestSpark.session();
    Map<String, Long> papersByFile = new HashMap<>();
    Set<String> paperIds = new HashSet<>();
    for (Row r : spark.read().parquet(out.resolve("datasets/papers").toString()).select("source_file", "id")
        .collectAsList()) {
      papersByFile.merge(Path.of(java.net.URI.create(r.getString(0))).getFileName().toString(), 1L, Long::sum);
      paperIds.add(r.getString(1));
    }
    Map<String, List<String>> reasonsByFile = new HashMap<>();
    for (Row r : spark.read().parquet(out.resolve("datasets/quarantine").toString()).select("source_file", "reason")
        .collectAsList()) {
      reasonsByFile.computeIfAbsent(Path.of(java.net.URI.create(r.getString(0))).getFileName().toString(),
          k -> new ArrayList<>()).add(r.getString(1));
    }

    long expectedPapers = 0;
    long expectedQuarantined = 0;
    long expectedDeleted = 0;
    for (CSVRecord e : expected) {
      String file = e.get("file");
      assertThat(CORPUS.resolve(file)).as(file).isRegularFile();
      assertThat(papersByFile.getOrDefault(file, 0L)).as(file + " papers").isEqualTo(Long.parseLong(e.get("papers")));
      List<String> reasons = reasonsByFile.getOrDefault(file, List.of());
      assertThat(reasons).as(file + " quarantined").hasSize(Integer.parseInt(e.get("quarantined")));
      if (e.get("reason") != null) {
        assertThat(reasons).as(file + " reason").containsOnly(e.get("reason"));
      }
      assertThat(paperIds).as(file + ": the good records around the bad one")
          .containsAll(goodIdsAround(CORPUS.resolve(file)));
      expectedPapers += Long.parseLong(e.get("papers"));
      expectedQuarantined += Long.parseLong(e.get("quarantined"));
      expectedDeleted += e.get("deleted") == null ? 0 : Long.parseLong(e.get("deleted"));
    }
    // The table counts papers after dedup: the duplicate case's loser is in duplicates_dropped.
    assertThat(summary.get("papers").asLong()).isEqualTo(expectedPapers);
    assertThat(summary.get("duplicates_dropped").asLong()).isEqualTo(1);
    assertThat(summary.get("quarantined").asLong()).isEqualTo(expectedQuarantined);
    assertThat(summary.get("deleted").asLong()).isEqualTo(expectedDeleted);
    assertThat(spark.read().parquet(out.resolve("datasets/deleted").toString()).count()).isEqualTo(expectedDeleted);
    assertThat(summary.get("records_read").asLong()).isEqualTo(summary.get("papers").asLong()
        + summary.get("duplicates_dropped").asLong() + summary.get("quarantined").asLong()
        + summary.get("deleted").asLong());
    assertThat(summary.get("blank_lines").asLong()).isEqualTo(3);

    JsonNode truncated = summary.get("truncated_inputs");
    assertThat(truncated).hasSize(4);
    assertThat(truncated.get(0).get("path").asText()).endsWith("21-gzip-cut-in-half.jsonl.gz");
    assertThat(truncated.get(0).get("lines_read").asLong()).isEqualTo(11);
    assertThat(truncated.get(1).get("path").asText()).endsWith("42-plain-text-named-gz.jsonl.gz");
    assertThat(truncated.get(1).get("error").asText()).contains("not gzip");
    assertThat(truncated.get(1).get("lines_read").asLong()).isEqualTo(3);
    assertThat(truncated.get(2).get("path").asText()).endsWith("49-oai-page-gzip-cut-in-half.xml.gz");
    assertThat(truncated.get(2).get("lines_read").asLong()).isEqualTo(13);
    assertThat(truncated.get(3).get("path").asText()).endsWith("55-oai-plain-page-named-gz.xml.gz");
    assertThat(truncated.get(3).get("error").asText()).contains("not gzip");

    // Every file of the corpus in input_files, with the kind and error the table's "report" rows say.
    Map<String, JsonNode> files = new HashMap<>();
    summary.get("input_files").forEach(f -> files.put(Path.of(java.net.URI.create(f.get("path").asText()))
        .getFileName().toString(), f));
    assertThat(files.keySet()).containsAll(expected.stream().map(e -> e.get("file")).toList());
    assertThat(files.get("48-oai-page-cut-short.xml").get("error").asText()).startsWith("cut short");
    assertThat(files.get("50-oai-error-response.xml").get("kind").asText()).isEqualTo("oai_error");
    assertThat(files.get("50-oai-error-response.xml").get("error").asText()).contains("badResumptionToken");
    assertThat(files.get("51-oai-http-503-body.xml").get("kind").asText()).isEqualTo("html");
    assertThat(files.get("51-oai-http-503-body.xml").get("error").asText()).contains("Retry after 10 seconds");
    assertThat(files.get("52-atom-api-error-feed.xml").get("error").asText()).contains("incorrect id format");
    assertThat(files.get("52-atom-api-error-feed.xml").get("records").asLong()).isZero();
    for (CSVRecord e : expected) {
      if (!e.get("outcome").equals("report")) {
        assertThat(files.get(e.get("file")).get("error").isNull()).as(e.get("file") + " has no file error").isTrue();
      }
    }

    // What the normalize rows of the table say.
    var papers = spark.read().parquet(out.resolve("datasets/papers").toString());
    Row outOfOrder = papers.filter(col("source_file").endsWith("10-versions-out-of-order.jsonl"))
        .filter(col("version_count").equalTo(2)).first();
    List<Row> versions = outOfOrder.getList(outOfOrder.fieldIndex("versions"));
    assertThat(versions).extracting(v -> v.getInt(0)).containsExactly(1, 2);
    assertThat(papers.filter(col("id").contains("v").and(col("id").rlike("^\\d{4}\\.\\d{4,5}v"))).count())
        .as("no id keeps a version suffix").isZero();
    assertThat(papers.filter(col("id").notEqual(org.apache.spark.sql.functions.trim(col("id")))).count()).isZero();
    assertThat(papers.filter(col("title").contains("\r").or(col("abstract").contains("\r"))).count()).isZero();
    assertThat(papers.filter(col("id").startsWith("\uFEFF")).count()).isZero();
    assertThat(papers.filter(col("title").equalTo("12345")).count()).isEqualTo(1);
    // Ids trimmed of every Unicode whitespace and line terminator (cases 34, 38, 39), titles without NUL (41).
    assertThat(papers.filter(col("id").rlike("[\\p{IsWhite_Space}\\x{200B}\\x{FEFF}]")).count()).isZero();
    assertThat(papers.filter(col("title").contains("\u0000").or(col("comments").contains("\u0000"))).count())
        .isZero();
    assertThat(papers.filter(col("title").equalTo("A NUL byte in a title")).count()).isEqualTo(1);
  }

  @Test
  void aFolderWithNoInputStopsWithAClearMessage() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("no-input"));
    Files.writeString(empty.resolve("notes.txt"), "not a dump\n");
    assertThat(ArxivDigest.run("ingest", "--input", empty.toString(), "--output", dir.resolve("o").toString()))
        .isEqualTo(ExitCodes.USAGE);
  }
}
