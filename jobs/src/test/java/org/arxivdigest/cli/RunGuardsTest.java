package org.arxivdigest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arxivdigest.io.OutputLock;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run does around its stages: one run per output (a lock), usage errors before Spark starts, an empty input
 * is an empty run, and a failed run's stack trace goes to a log file with one line on the console.
 */
class RunGuardsTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
  }

  /** What the job printed on stderr (Spark's own log lines, which go to the console appender, left out). */
  private List<String> jobLines() {
    return err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("arxiv-digest")).toList();
  }

  private Path oneRecord() {
    return TestSpark.writeLines(dir.resolve("in"), "one.jsonl", List.of(TestSpark.sampleLine("0704.0001")));
  }

  private static String lock(String runId, long pid) throws IOException {
    return String.format("{\"run_id\": \"%s\", \"host\": \"%s\", \"pid\": %d, \"started_at\": \"%s\"}",
        runId, InetAddress.getLocalHost().getHostName(), pid, "2026-11-30T00:00:00Z");
  }

  @Test
  void aSecondRunOnTheSameOutputIsRefusedNamingTheHolder() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Process holder = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(out.resolve(OutputLock.FILE), lock("20261130T000000Z-holder", holder.pid()));
      assertThat(ArxivDigest.run("ingest", "--input", oneRecord().toString(), "--output", out.toString(),
          "--master", "local[2]")).isEqualTo(ExitCodes.USAGE);
      assertThat(jobLines()).hasSize(1);
      assertThat(jobLines().get(0)).contains("is in use by run 20261130T000000Z-holder")
          .contains("pid " + holder.pid());
      assertThat(out.resolve(OutputLock.FILE)).as("the holder's lock stays").exists();
      assertThat(out.resolve("datasets")).as("nothing written").doesNotExist();
    } finally {
      holder.destroy();
    }
  }

  @Test
  void aLockLeftByADeadProcessOfThisHostIsTakenOverAndReported() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Files.writeString(out.resolve(OutputLock.FILE), lock("20261130T000000Z-killed", dead.pid()));
    assertThat(ArxivDigest.run("ingest", "--input", oneRecord().toString(), "--output", out.toString(),
        "--master", "local[2]")).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.at("/lock_taken_over/run_id").asText()).isEqualTo("20261130T000000Z-killed");
    assertThat(summary.get("papers").asLong()).isEqualTo(1);
    assertThat(out.resolve(OutputLock.FILE)).as("released at the end").doesNotExist();
  }

  @Test
  void aMasterSparkDoesNotKnowIsAOneLineUsageErrorBeforeAnythingIsWritten() {
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("ingest", "--input", oneRecord().toString(), "--output", out.toString(),
        "--master", "bogus")).isEqualTo(ExitCodes.USAGE);
    assertThat(jobLines()).singleElement().asString().contains("--master bogus");
    assertThat(out).doesNotExist();
  }

  @Test
  void anOutputThatIsAFileIsAOneLineUsageError() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThat(ArxivDigest.run("ingest", "--input", oneRecord().toString(), "--output", file.toString(),
        "--master", "local[2]")).isEqualTo(ExitCodes.USAGE);
    assertThat(jobLines()).singleElement().asString().contains("is a file");
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void anEmptyInputIsAValidEmptyRun() throws IOException {
    Path empty = Files.write(Files.createDirectories(dir.resolve("in")).resolve("empty.jsonl"), new byte[0]);
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--input", empty.toString()))).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("status").asText()).isEqualTo("succeeded");
    assertThat(summary.get("records_read").asLong()).isZero();
    assertThat(summary.get("papers").asLong()).isZero();
    assertThat(summary.get("accounting_balanced").asBoolean()).isTrue();
    var spark = TestSpark.session();
    // Every dataset, partitioned or not, opens without a schema and has its columns (a partitioned one with no
    // rows has no partition folder: one empty file at its root tells its columns).
    for (org.arxivdigest.schema.Catalog d : org.arxivdigest.schema.Catalog.values()) {
      Path path = out.resolve("datasets/" + d.folder());
      if (d != org.arxivdigest.schema.Catalog.PREDICTIONS) {
        var data = spark.read().parquet(path.toString());
        assertThat(data.count()).as(d.folder()).isZero();
        assertThat(data.columns()).as(d.folder()).containsExactlyInAnyOrder(d.schema().fieldNames());
      }
    }
    assertThat(Files.readString(out.resolve("site/papers/llm/README.md"))).contains("No papers match this topic yet");
    assertThat(out.resolve("site/index.html")).exists();
    assertThat(out.resolve("extracts/monthly_topic_stats.csv")).exists();
  }

  @Test
  void aTopicWhoseModelIsNotTrainedListsByItsKeywordRuleWithAWarningInsteadOfStoppingTheRun() throws IOException {
    Path topics = Files.writeString(dir.resolve("topics.json"), "{\"topics\": [{\"slug\": \"llm\", \"include\": "
        + "[\"llm\"], \"method\": \"tfidf\"}, {\"slug\": \"quantum\", \"include\": [\"qubit\"]}]}");
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run("run", "--input", TestSpark.sample().resolve("recent").toString(), "--output",
        out.toString(), "--topics", topics.toString(), "--master", "local[2]")).isZero();
    // The console line goes through log4j (ConsoleTest checks the console); the summary says the same.
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("model_fallbacks").get("llm").asText()).startsWith("method tfidf needs a trained model")
        .contains("listing by the keyword rule");
    assertThat(summary.get("model_fallbacks").has("quantum")).isFalse();
    var listings = TestSpark.session().read().parquet(out.resolve("datasets/listings").toString());
    assertThat(listings.filter("topic = 'llm'").count()).isPositive();
    assertThat(listings.filter("topic = 'llm' and method <> 'keyword'").count()).isZero();
  }

  @Test
  void aFailedRunPrintsOneLineAndKeepsItsStackTraceInALogUnderTheOutput() throws IOException {
    Path out = dir.resolve("out");
    // Datasets that exist but are not Parquet: classify fails once Spark reads them.
    Files.writeString(Files.createDirectories(out.resolve("datasets/papers")).resolve("part-0.parquet"), "garbage");
    Files.writeString(Files.createDirectories(out.resolve("datasets/versions")).resolve("part-0.parquet"), "junk");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "classify"))).isEqualTo(ExitCodes.FAILED);
    assertThat(jobLines()).hasSize(1);
    String line = jobLines().get(0);
    assertThat(line).contains("run failed").contains("stack trace in ");
    Path log = Path.of(line.substring(line.indexOf("stack trace in ") + "stack trace in ".length(),
        line.length() - 1));
    assertThat(log.getParent()).isEqualTo(out.resolve("_logs"));
    assertThat(Files.readString(log)).contains("\tat org.apache.spark.");
    assertThat(err.toString(StandardCharsets.UTF_8)).as("no trace on the console").doesNotContain("\tat org.");
  }
}
