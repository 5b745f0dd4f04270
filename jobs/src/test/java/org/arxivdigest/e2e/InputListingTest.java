package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input folders as users have them: odd file names, symbolic links, the output folder inside the input. */
class InputListingTest {
  @TempDir Path dir;

  private static JsonNode summary(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
  }

  private static int ingest(Path input, Path out) {
    return ArxivDigest.run(SampleRun.withCommonOptions(out, "ingest", "--input", input.toString()));
  }

  @Test
  void filesWithColonsAndGlobCharactersInTheirNamesAreReadByTheirExactPath() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestSpark.writeLines(in, "2025-05-01T10:00:00.jsonl", List.of(TestSpark.sampleLine("0704.0001")));
    TestSpark.writeLines(in, "part[1].jsonl", List.of(TestSpark.sampleLine("0704.0002")));
    TestSpark.writeLines(in, "part1.jsonl", List.of(TestSpark.sampleLine("0704.0003")));
    TestSpark.writeLines(in, "{a,b}.jsonl", List.of(TestSpark.sampleLine("0704.0004")));
    Path out = dir.resolve("out");
    assertThat(ingest(in, out)).isZero();
    JsonNode s = summary(out);
    assertThat(s.get("records_read").asLong()).as("each file once, no file read for another").isEqualTo(4);
    assertThat(s.get("papers").asLong()).isEqualTo(4);
    assertThat(s.get("duplicates_dropped").asLong()).isZero();
  }

  /**
   * Names that a URI must escape (a space, a percent sign, a plus, non-ASCII): each file's records are counted
   * against it in the summary, and the datasets name the file as the summary does, whichever reader read it (a
   * name with a colon goes through the raw reader, the others through Spark's text or XML source).
   */
  @Test
  void filesWhoseNamesAURIEscapesAreCountedAndNamedAsListed() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in put"));
    List<String> names = List.of("dump 2025.jsonl", "50%+more.jsonl", "Zürich é.jsonl", "at 10:00.jsonl");
    for (int i = 0; i < names.size(); i++) {
      TestSpark.writeLines(in, names.get(i), List.of(TestSpark.sampleLine("0704.000" + (2 * i + 1)),
          TestSpark.sampleLine("0704.000" + (2 * i + 2))));
    }
    // Spark's XML source (one record each: an OAI-PMH GetRecord page and an Atom feed, real samples).
    Files.copy(TestSpark.sample().resolve("oai/hepcrawl_getrecord_arXiv_1401.2122.xml"), in.resolve("oai page+1.xml"));
    Files.copy(TestSpark.sample().resolve("atom/arxivpy2026_id_1605.08386_s0_m100_199195aa31ad.xml"),
        in.resolve("atom 100%.xml"));
    Path out = dir.resolve("out");
    assertThat(ingest(in, out)).isZero();
    JsonNode s = summary(out);
    var listed = new TreeSet<String>();
    for (JsonNode f : s.get("input_files")) {
      String path = f.get("path").asText();
      assertThat(f.get("records").asLong()).as(path).isEqualTo(path.endsWith(".xml") ? 1 : 2);
      listed.add(path);
    }
    assertThat(listed).hasSize(names.size() + 2);
    var named = new TreeSet<>(TestSpark.session().read().parquet(out.resolve("datasets/papers").toString())
        .select("source_file").distinct().as(Encoders.STRING()).collectAsList());
    assertThat(named).isEqualTo(listed);
  }

  @Test
  void aSymbolicLinkLoopIsFollowedOnce() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestSpark.writeLines(in, "a.jsonl", List.of(TestSpark.sampleLine("0704.0001"), TestSpark.sampleLine("0704.0002")));
    Files.createSymbolicLink(in.resolve("loop"), Path.of("."));
    Path out = dir.resolve("out");
    assertThat(ingest(in, out)).isZero();
    JsonNode s = summary(out);
    assertThat(s.get("input_files")).hasSize(1);
    assertThat(s.get("records_read").asLong()).isEqualTo(2);
  }

  @Test
  void theOutputFolderInsideAnInputFolderIsNotReadAsInput() throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    TestSpark.writeLines(in, "a.jsonl", List.of(TestSpark.sampleLine("0704.0001")));
    Path out = in.resolve("digest");
    assertThat(ingest(in, out)).isZero();
    // The second run finds run-summary.json and the CSVs' folder under its own output: left out.
    assertThat(ingest(in, out)).isZero();
    JsonNode s = summary(out);
    assertThat(s.get("input_files")).hasSize(1);
    assertThat(s.get("records_read").asLong()).isEqualTo(1);
    assertThat(s.get("quarantined").asLong()).isZero();
  }
}
