package org.arxivdigest.testing;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.ingest.KaggleReader;
import org.arxivdigest.ingest.KaggleRecords;
import org.arxivdigest.schema.Columns;

/**
 * One local[2] session per test JVM, UTC, two shuffle partitions. The end-to-end tests run the real CLI, which
 * stops its session when done; the next caller then gets a fresh one.
 */
public final class TestSpark {
  private TestSpark() {}

  private static SparkSession session;

  public static synchronized SparkSession session() {
    if (session == null || session.sparkContext().isStopped()) {
      var builder = SparkSession.builder();
      // The same local filesystem as an embedded run of the job.
      org.arxivdigest.spark.Sessions.localHadoopSettings().forEach((k, v) -> builder.config("spark.hadoop." + k, v));
      session = builder
          .master("local[2]")
          .appName("arxiv-digest tests")
          .config("spark.sql.shuffle.partitions", "2")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.ui.enabled", "false")
          .config("spark.ui.showConsoleProgress", "false")
          .getOrCreate();
    }
    return session;
  }

  /** The repository root (surefire passes it; falls back to the parent of the module folder). */
  public static Path repo() {
    String repo = System.getProperty("arxivdigest.repo");
    Path path = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath().getParent();
    return path.toAbsolutePath();
  }

  public static Path sample() {
    return repo().resolve("data/sample");
  }

  /** A real line of the sample dump, by its id. */
  public static String sampleLine(String id) {
    try (var files = Files.list(sample().resolve("kaggle"))) {
      for (Path file : files.sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (line.startsWith("{\"id\":\"" + id + "\"")) {
            return line;
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no sample line with id " + id);
  }

  /**
   * The real papers of the sample dump (its kaggle and recent files) as trending terms read them: the normalized
   * id, title and abstract of every usable record.
   */
  public static Dataset<Row> sampleDocuments() {
    var files = new ArrayList<String>();
    for (String folder : List.of("kaggle", "recent")) {
      try (var list = Files.list(sample().resolve(folder))) {
        list.sorted().map(Path::toString).forEach(files::add);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(session(), files)))
        .filter(col(Columns.REASON).isNull()).select(Columns.ID, Columns.TITLE, Columns.ABSTRACT);
  }

  public static Path writeLines(Path dir, String name, List<String> lines) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), lines);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
