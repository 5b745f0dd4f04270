package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a real run (the embedded launcher, {@code bin/arxiv-digest}) at points chosen by a fixed seed,
 * on the same output folder one after the other, then a rerun: the output equals a clean run's (pages byte for
 * byte, datasets row for row). After every kill, no month folder has only some of its parts and no HTML page is
 * cut short. An integration test (failsafe): it runs the packaged launcher.
 */
class CrashIT {
  private static final Path REPO = TestSpark.repo();
  private static final Path WORK = REPO.resolve("jobs/target/it-crash");
  /** Stages a kill may come after the start of. */
  private static final List<String> POINTS = List.of("ingest.parse", "ingest.dedup", "ingest.versions",
      "classify.assign", "classify.listings", "aggregate.topic_stats", "aggregate.trending_terms", "publish.count",
      "publish.pages", "publish.readmes", "publish.feeds");
  private static final long SEED = 20261125L;
  private static final int KILLS = 3;

  /** A day to merge: the three pages of a real oai_dc harvest (2,358 records, new pages in 2021). */
  private static final Path DAY = REPO.resolve("data/harvest/oai_dc-cs-2021-03-20");
  /**
   * Stages a kill of a merge may come after the start of: stages of a merge and of the repairing one after a kill
   * alike (that one redoes classify, aggregate and publish in full), none so near the end that the run may be over.
   * {@code publish.count}, not {@code publish.pages}: once a kill 1.3 s into the pages found the merge ended (a busy
   * machine, session 25) and nothing left to mark as stopped. A kill after the count's start lands among the pages
   * and extracts being written.
   */
  private static final List<String> MERGE_POINTS = List.of("ingest.dedup", "ingest.quarantine", "classify.listings",
      "aggregate.trending_terms", "publish.count");
  private static final int MERGE_KILLS = 2;

  /** A full run on the sample ({@code merge} false), or a merge of {@link #DAY} into the output. */
  private static List<String> command(Path out, boolean merge) {
    var cmd = new ArrayList<>(List.of("bin/arxiv-digest", "run"));
    if (merge) {
      cmd.addAll(List.of("--merge", "--input", DAY.toString()));
    } else {
      cmd.addAll(List.of("--input", REPO.resolve("data/sample").toString()));
    }
    cmd.addAll(List.of("--output", out.toString(), "--master", "local[2]", "--conf",
        "spark.sql.shuffle.partitions=4"));
    return cmd;
  }

  private static Process start(Path out, Path log, boolean merge) throws IOException {
    var pb = new ProcessBuilder(command(out, merge)).directory(REPO.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().put("ARXIV_DIGEST_DRIVER_MEMORY", "2g");
    return pb.start();
  }

  private static void runToEnd(Path out, Path log) throws Exception {
    runToEnd(out, log, false);
  }

  private static void runToEnd(Path out, Path log, boolean merge) throws Exception {
    Process p = start(out, log, merge);
    assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("exit code, log in " + log).isZero();
  }

  private static Path clean;

  /** The output of a clean full run on the sample, made once. */
  private static synchronized Path clean() throws Exception {
    if (clean == null) {
      Files.createDirectories(WORK);
      Path out = WORK.resolve("clean");
      org.apache.commons.io.FileUtils.deleteDirectory(out.toFile());
      runToEnd(out, WORK.resolve("clean.log"));
      clean = out;
    }
    return clean;
  }

  /** How a run started to be killed ended. */
  private enum Outcome {
    /** Killed while running. */
    KILLED,
    /** Ended by itself before the kill was due. */
    ENDED,
    /** Never reached the stage. */
    NOT_REACHED
  }

  private static Outcome killAfter(Path out, Path log, String stage, long delayMs) throws Exception {
    return killAfter(out, log, stage, delayMs, false);
  }

  /**
   * Starts a run and kills it (SIGKILL) {@code delayMs} after it logs the start of {@code stage} (its first
   * "stage=..." line), unless it has ended by then.
   */
  private static Outcome killAfter(Path out, Path log, String stage, long delayMs, boolean merge) throws Exception {
    Process p = start(out, log, merge);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.exists(log) && Files.readString(log).contains("stage=" + stage + " ")) {
        if (p.waitFor(delayMs, TimeUnit.MILLISECONDS)) {
          return Outcome.ENDED;
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        p.waitFor();
        return Outcome.KILLED;
      }
      Thread.sleep(50);
    }
    p.destroyForcibly().waitFor();
    return Outcome.NOT_REACHED;
  }

  private static final Pattern PART_LINE = Pattern.compile("(?m)^- (\\[)?Part (\\d+)");

  /** What a reader may see at any time: month folders whole, pages whole. */
  private static void assertNothingHalfWritten(Path out, String when) throws IOException {
    Path papers = out.resolve("site/papers");
    if (!Files.isDirectory(papers)) {
      return;
    }
    try (var months = Files.find(papers, 2, (p, a) -> a.isDirectory()
        && p.getFileName().toString().matches("\\d{4}_\\d{2}"))) {
      for (Path month : months.toList()) {
        String first = Files.readString(month.resolve("papers_1.md"));
        long parts = PART_LINE.matcher(first).results().count();
        assertThat(parts).as(when + ": " + month + " navigation").isPositive();
        for (int n = 1; n <= parts; n++) {
          assertThat(month.resolve("papers_" + n + ".md")).as(when).isRegularFile();
          assertThat(Files.readString(month.resolve("papers_" + n + ".html")).stripTrailing())
              .as(when + ": " + month + " part " + n + " is whole").endsWith("</html>");
        }
        try (var files = Files.list(month)) {
          assertThat(files.count()).as(when + ": " + month + " holds exactly its parts").isEqualTo(2 * parts);
        }
      }
    }
  }

  @Test
  void killedRunsLeaveNoHalfWrittenPagesAndARerunGivesTheCleanOutput() throws Exception {
    Path clean = clean();
    Path crashed = WORK.resolve("crashed");

    var random = new Random(SEED);
    var points = new ArrayList<>(POINTS);
    java.util.Collections.shuffle(points, random);
    int killed = 0;
    for (String stage : points.subList(0, KILLS)) {
      long delay = random.nextInt(1500);
      Path log = WORK.resolve("kill-after-" + stage + ".log");
      // A run that ends by itself within the delay (a kill near the end, a fast machine) leaves a whole output.
      assertThat(killAfter(crashed, log, stage, delay)).as("the run reached " + stage + "; log in " + log)
          .isNotEqualTo(Outcome.NOT_REACHED);
      killed++;
      assertNothingHalfWritten(crashed, "after a kill after " + stage + " + " + delay + " ms");
    }
    assertThat(killed).isEqualTo(KILLS);

    runToEnd(crashed, WORK.resolve("rerun.log"));
    assertNothingHalfWritten(crashed, "after the rerun");
    Outputs.assertSame(crashed, clean);
    try (var all = Files.walk(crashed)) {
      assertThat(all.map(p -> crashed.relativize(p).toString())
          .filter(p -> p.contains(".staging") || p.contains("_temporary") || p.startsWith("_work/")).toList())
          .as("no staging folder survives the rerun").isEmpty();
    }
  }

  @Test
  void killedMergesLeaveTheOutputWholeAndTheNextMergeRepairsIt() throws Exception {
    // Fresh copies: a folder left by an earlier run of this test would make the copy fail.
    org.apache.commons.io.FileUtils.deleteDirectory(WORK.resolve("merged").toFile());
    org.apache.commons.io.FileUtils.deleteDirectory(WORK.resolve("merge-crashed").toFile());
    Path merged = Outputs.copy(clean(), WORK.resolve("merged"));
    runToEnd(merged, WORK.resolve("merged.log"), true);
    Path crashed = Outputs.copy(clean(), WORK.resolve("merge-crashed"));

    var random = new Random(SEED + 1);
    var points = new ArrayList<>(MERGE_POINTS);
    java.util.Collections.shuffle(points, random);
    for (String stage : points.subList(0, MERGE_KILLS)) {
      long delay = random.nextInt(1500);
      Path log = WORK.resolve("merge-kill-after-" + stage + ".log");
      assertThat(killAfter(crashed, log, stage, delay, true))
          .as("the merge was killed %d ms into %s; log in %s", delay, stage, log).isEqualTo(Outcome.KILLED);
      assertNothingHalfWritten(crashed, "after a kill of a merge after " + stage + " + " + delay + " ms");
    }
    assertThat(crashed.resolve("_state/in-place")).as("the stopped merge is marked").isRegularFile();

    runToEnd(crashed, WORK.resolve("merge-rerun.log"), true);
    assertNothingHalfWritten(crashed, "after the merge run again");
    var summary = new com.fasterxml.jackson.databind.ObjectMapper().readTree(crashed.resolve("run-summary.json")
        .toFile());
    assertThat(summary.path("incremental").path("mode").asText()).startsWith("full after ingest");
    assertThat(crashed.resolve("_state/in-place")).doesNotExist();
    // The repairing merge recomputes every month's trending terms (with the prior of today's papers), where the
    // clean merge recomputed only the months it touched: everything else is the same (the topic pages compared
    // without the trending terms they show).
    Outputs.assertSameExcept(crashed, merged, "trending_terms");
  }
}
