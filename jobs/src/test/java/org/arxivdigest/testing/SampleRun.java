package org.arxivdigest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arxivdigest.cli.ArxivDigest;

/** One {@code run} of the real CLI on data/sample per test JVM, shared by the end-to-end tests (read-only). */
public final class SampleRun {
  private SampleRun() {}

  private static Path output;

  public static synchronized Path output() {
    if (output == null) {
      try {
        Path dir = Files.createTempDirectory("arxiv-digest-sample-run");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
        Path out = dir.resolve("output");
        int exit = ArxivDigest.run(withCommonOptions(out, "run", "--input", TestSpark.sample().toString()));
        assertThat(exit).as("exit code of run on data/sample").isZero();
        output = out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return output;
  }

  public static String topics() {
    return TestSpark.repo().resolve("data/topics.json").toString();
  }

  /** The command line of a test run: topics from the repo, local[2], few shuffle partitions. */
  public static String[] withCommonOptions(Path out, String... args) {
    var all = new java.util.ArrayList<>(java.util.List.of(args));
    if (!args[0].equals("ingest")) {
      all.addAll(java.util.List.of("--topics", topics()));
    }
    all.addAll(java.util.List.of("--output", out.toString(), "--master", "local[2]",
        "--conf", "spark.sql.shuffle.partitions=4"));
    return all.toArray(String[]::new);
  }

  /** A copy of the shared output that a test may change. */
  public static Path copy(Path target) {
    return Outputs.copy(output(), target);
  }

  private static void deleteTree(Path dir) {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // best effort: a temp folder left behind is not a test failure
    }
  }
}
