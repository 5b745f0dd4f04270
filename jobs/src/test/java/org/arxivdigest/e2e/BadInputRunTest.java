package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real records with broken ones between them: the run finishes, nothing good is lost, nothing bad vanishes. */
class BadInputRunTest {
  @TempDir Path dir;

  @Test
  void brokenLinesAreQuarantinedWithReasonsAndTheGoodOnesAroundThemAreKept() throws IOException {
    String a = TestSpark.sampleLine("0704.0001");
    String b = TestSpark.sampleLine("0704.0002");
    String c = TestSpark.sampleLine("0704.0003");
    byte[] invalidUtf8 = a.replace("0704.0001", "0704.0009").getBytes(StandardCharsets.UTF_8);
    invalidUtf8[a.indexOf("Calculation")] = (byte) 0xFF;

    var bytes = new ByteArrayOutputStream();
    for (String line : List.of(
        a,
        a.substring(0, 200),                                                    // truncated
        b.replace("\"id\":\"0704.0002\",", ""),                                // missing id
        "",                                                                     // blank
        c.replaceFirst("\"versions\":\\[[^\\]]*\\]", "\"versions\":[]"),        // no versions
        b,
        c.replace("\"id\":\"0704.0003\"", "\"id\":\"0704.0004\"")
            .replaceFirst("\"created\":\"[^\"]*\"", "\"created\":\"yesterday\""), // bad date
        c,
        a)) {                                                                   // duplicate
      bytes.write(line.getBytes(StandardCharsets.UTF_8));
      bytes.write('\n');
    }
    bytes.write(invalidUtf8);
    bytes.write('\n');
    Path input = Files.write(dir.resolve("mixed.jsonl"), bytes.toByteArray());
    Path out = dir.resolve("out");

    assertThat(ArxivDigest.run("ingest", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]")).isZero();

    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("records_read").asLong()).isEqualTo(9);
    assertThat(summary.get("blank_lines").asLong()).isEqualTo(1);
    assertThat(summary.get("papers").asLong()).isEqualTo(3);
    assertThat(summary.get("duplicates_dropped").asLong()).isEqualTo(1);
    assertThat(summary.get("quarantined").asLong()).isEqualTo(5);
    assertThat(new ObjectMapper().convertValue(summary.get("quarantined_by_reason"), Map.class))
        .isEqualTo(Map.of("malformed_json", 1, "missing_id", 1, "no_versions", 1, "bad_version_date", 1,
            "invalid_utf8", 1));

    var spark = TestSpark.session();
    List<Row> papers = spark.read().parquet(out.resolve("datasets/papers").toString()).orderBy("id")
        .select("id").collectAsList();
    assertThat(papers).extracting(r -> r.getString(0)).containsExactly("0704.0001", "0704.0002", "0704.0003");

    Map<String, String> quarantine = new TreeMap<>();
    for (Row r : spark.read().parquet(out.resolve("datasets/quarantine").toString())
        .filter(col("stage").equalTo("ingest")).collectAsList()) {
      quarantine.put(r.getAs("reason"), r.getAs("raw_record"));
      assertThat((String) r.getAs("source_file")).endsWith("mixed.jsonl");
    }
    assertThat(quarantine.get("malformed_json")).isEqualTo(a.substring(0, 200));
    assertThat(quarantine.get("bad_version_date")).contains("yesterday");
    assertThat(quarantine.get("invalid_utf8")).contains("\uFFFDalculation");
  }

  @Test
  void aBzip2FileWithOneByteFlippedMidFileIsReadUpToTheDamageAndNamed() throws IOException {
    // 400 real records in 100 kB bzip2 blocks; one bit flipped past the middle damages one block of several, at a
    // place where Hadoop's decoder fails with ArrayIndexOutOfBoundsException (not an IOException), which killed
    // the run on 42e7c3b.
    var records = new ArrayList<String>();
    try (var files = Files.list(TestSpark.sample().resolve("kaggle"))) {
      for (Path f : files.sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank() && records.size() < 400) {
            records.add(line);
          }
        }
      }
    }
    var bytes = new ByteArrayOutputStream();
    try (var bz = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bytes, 1)) {
      bz.write((String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    byte[] damaged = runtimeFailureFromTheMiddle(bytes.toByteArray());
    Path input = Files.write(dir.resolve("damaged.jsonl.bz2"), damaged);
    Path out = dir.resolve("out");

    assertThat(ArxivDigest.run("ingest", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]")).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    JsonNode truncated = summary.get("truncated_inputs");
    assertThat(truncated).hasSize(1);
    assertThat(truncated.get(0).get("path").asText()).endsWith("damaged.jsonl.bz2");
    long read = truncated.get(0).get("lines_read").asLong();
    assertThat(read).as("the blocks before the damage").isPositive().isLessThan(records.size());
    assertThat(summary.get("records_read").asLong()).isEqualTo(read);
    assertThat(summary.get("accounting_balanced").asBoolean()).isTrue();
  }

  @Test
  void validJsonBeyondTheParsersLimitsIsQuarantinedWithAnHonestReason() throws IOException {
    String a = TestSpark.sampleLine("0704.0001");
    String b = TestSpark.sampleLine("0704.0002");
    String c = TestSpark.sampleLine("0704.0003");
    String d = TestSpark.sampleLine("0704.0004");
    String huge = b.replaceFirst("\"abstract\":\"", "\"abstract\":\"" + "x".repeat(25_000_000));
    String deep = c.replaceFirst("^\\{", "{\"x_extra\":" + "[".repeat(2000) + "]".repeat(2000) + ",");
    String longNumber = d.replaceFirst("^\\{", "{\"x_extra\":" + "9".repeat(5000) + ",");
    Path input = TestSpark.writeLines(dir, "limits.jsonl", List.of(a, huge, deep, longNumber));
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("ingest", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]")).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("papers").asLong()).isEqualTo(1);
    assertThat(new ObjectMapper().convertValue(summary.get("quarantined_by_reason"), Map.class))
        .isEqualTo(Map.of("record_too_large", 1, "too_deeply_nested", 1, "number_too_long", 1));
  }

  @Test
  void anXmlRecordBeyondTheJsonParsersLimitIsQuarantinedAsItIsFromTheDump() throws IOException {
    Path page = TestSpark.repo().resolve("data/sample/oai/litpuvn_listrecords_arXivRaw_2016-10-20.xml");
    String text = Files.readString(page);
    int at = text.indexOf("<abstract>") + "<abstract>".length();
    Path input = Files.createDirectories(dir.resolve("in")).resolve("huge.xml");
    Files.writeString(input, text.substring(0, at) + "x".repeat(25_000_000) + text.substring(at));
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("ingest", "--input", input.toString(), "--output", out.toString(),
        "--master", "local[2]")).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(new ObjectMapper().convertValue(summary.get("quarantined_by_reason"), Map.class))
        .isEqualTo(Map.of("record_too_large", 1));
    assertThat(summary.get("papers").asLong() + summary.get("duplicates_dropped").asLong())
        .isEqualTo(text.split("<record>", -1).length - 2);
  }

  /**
   * The bzip2 bytes with one bit flipped: the first place from the middle on where Hadoop's decoder fails with a
   * RuntimeException rather than an IOException (a flipped bit in a block's Huffman tables).
   */
  private static byte[] runtimeFailureFromTheMiddle(byte[] good) {
    var codec = new org.apache.hadoop.io.compress.BZip2Codec();
    codec.setConf(new org.apache.hadoop.conf.Configuration());
    for (int pos = good.length / 2; pos < good.length - 10; pos++) {
      byte[] damaged = good.clone();
      damaged[pos] ^= 1;
      try (var in = codec.createInputStream(new java.io.ByteArrayInputStream(damaged))) {
        byte[] buffer = new byte[1 << 16];
        while (in.read(buffer) > 0) {
          // to the end or the damage
        }
      } catch (IOException e) {
        continue;
      } catch (RuntimeException e) {
        return damaged;
      }
    }
    throw new AssertionError("no flip of one bit made the decoder fail with a RuntimeException");
  }
}
