package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** The ids of the first and last complete lines of a corpus file that are good records. */
  private static List<String> goodIdsAround(Path file) throws IOException {
    var lines = new ArrayList<String>();
    InputStream raw = Files.newInputStream(file);
    String name = file.getFileName().toString();
    byte[] head = Files.readAllBytes(file);
    boolean gzip = head.length > 1 && head[0] == 0x1f && head[1] == (byte) 0x8b; // 42: plain text named .gz
    InputStream in = name.endsWith(".gz") && gzip ? new GZIPInputStream(raw)
        : name.endsWith(".bz2") ? new org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream(raw)
        : raw;
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        lines.add(line);
      }
    } catch (java.io.EOFException cut) {
      // the gzip cut in half: the lines before the cut
    }
    var ids = new ArrayList<String>();
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
    }
    // The table counts papers after dedup: the duplicate case's loser is in duplicates_dropped.
    assertThat(summary.get("papers").asLong()).isEqualTo(expectedPapers);
    assertThat(summary.get("duplicates_dropped").asLong()).isEqualTo(1);
    assertThat(summary.get("quarantined").asLong()).isEqualTo(expectedQuarantined);
    assertThat(summary.get("records_read").asLong()).isEqualTo(summary.get("papers").asLong()
        + summary.get("duplicates_dropped").asLong() + summary.get("quarantined").asLong());
    assertThat(summary.get("blank_lines").asLong()).isEqualTo(3);

    JsonNode truncated = summary.get("truncated_inputs");
    assertThat(truncated).hasSize(2);
    assertThat(truncated.get(0).get("path").asText()).endsWith("21-gzip-cut-in-half.jsonl.gz");
    assertThat(truncated.get(0).get("lines_read").asLong()).isEqualTo(11);
    assertThat(truncated.get(1).get("path").asText()).endsWith("42-plain-text-named-gz.jsonl.gz");
    assertThat(truncated.get(1).get("error").asText()).contains("not gzip");
    assertThat(truncated.get(1).get("lines_read").asLong()).isEqualTo(3);

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
