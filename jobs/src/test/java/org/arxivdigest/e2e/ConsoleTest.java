package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees in the console of a {@code run}, from a JVM of its own as the launcher starts it: a line when
 * each stage starts and ends, progress while it runs, a closing summary on stdout, and none of the harmless
 * warnings that looked like problems (issue 26).
 */
class ConsoleTest {
  @TempDir
  Path dir;

  private record Console(int exit, String out, String err) {}

  private Console run(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String flags;
    try (var in = getClass().getResourceAsStream("/jvm-flags.txt")) {
      flags = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    command.addAll(List.of(flags.split("\\s+")));
    // Progress every 200 ms, so that the sample's short stages show it too.
    command.addAll(List.of("-Xmx2g", "-Darxivdigest.progressMillis=200", "-cp", System.getProperty("java.class.path"),
        "org.arxivdigest.cli.ArxivDigest"));
    command.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(command).directory(TestSpark.repo().toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the run ends").isTrue();
    return new Console(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aRunSaysWhenEachStageStartsShowsProgressEndsWithASummaryAndNoHarmlessWarnings() throws Exception {
    Path output = dir.resolve("output");
    // The sample's Atom files and its cut .gz (a damaged input that warns once, by the job's own line).
    Console c = run("run", "--input", "data/sample/atom", "jobs/src/test/resources/bad/21-gzip-cut-in-half.jsonl.gz",
        "--output", output.toString());
    assertThat(c.exit()).as(c.err()).isZero();
    for (String stage : List.of("ingest.parse", "classify.assign", "aggregate.trending_terms", "publish.pages")) {
      assertThat(c.err()).as(stage).contains("stage=" + stage + " started")
          .containsPattern("stage=" + stage.replace(".", "\\.") + " seconds=");
    }
    assertThat(c.err()).containsPattern("stage=\\S+ running \\d+s: \\d+ of \\d+ tasks so far");
    assertThat(c.err()).contains("input cut short or damaged");
    for (String harmless : List.of("All paths were ignored", "Truncated the string representation",
        "could not bind on port", "Skipped the rest of the content", "EOFException\n\tat", "\tat ")) {
      assertThat(c.err()).as(harmless).doesNotContain(harmless);
    }
    List<String> lines = c.out().lines().toList();
    assertThat(lines.get(0)).matches("arxiv-digest run: finished in \\d+\\.\\d s");
    assertThat(c.out()).containsPattern("records read \\d+, papers \\d+, duplicates dropped \\d+, deletions \\d+, "
        + "quarantined \\d+").contains("site: " + output.toUri().getPath().replaceFirst("/$", "") + "/site/index.html")
        .contains("run summary: ");
  }

  @Test
  void anUnknownCommandGoesToStderrWithExitCode2() throws Exception {
    Console c = run("frobnicate");
    assertThat(c.exit()).isEqualTo(2);
    assertThat(c.err()).contains("unknown command 'frobnicate'");
    assertThat(c.out()).isEmpty();
  }
}
