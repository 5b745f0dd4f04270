package org.arxivdigest.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.config.Topic;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Leftovers;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.io.OutputLock;
import org.arxivdigest.run.RunOptions;
import org.arxivdigest.run.RunSummary;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.spark.Sessions;

/**
 * The frame of every Spark subcommand: one session, a run id, the stages' context, the run summary written at the
 * end whether the run succeeded or not, and Spark stopped in {@code finally}.
 */
final class CommandRun {
  private CommandRun() {}

  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  /** A command's frame; what it knows of topics, months and reuse is in {@code scope}. */
  record Scope(List<Topic> topics, MonthRange range, RunOptions options) {
    static Scope of(List<Topic> topics) {
      return new Scope(topics, MonthRange.ALL, RunOptions.DEFAULT);
    }
  }

  static int execute(String command, SparkOptions options, Scope scope, Consumer<StageContext> body) {
    long began = System.nanoTime();
    String runId = RUN_ID.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    var out = new OutputLayout(options.output);
    options.check();
    // Before Spark starts: a second run on this output is refused here, and nothing of the first is touched.
    try (OutputLock lock = OutputLock.acquire(options.hadoopConf(), out, runId)) {
      SparkSession spark = Sessions.create("arxiv-digest " + command, options.master, options.confs());
      var summary = new RunSummary(runId, command, spark.sparkContext().master());
      if (lock.takenOver() != null) {
        summary.put("lock_taken_over", lock.takenOver());
      }
      String status = "failed";
      List<String> closing = null;
      var conf = spark.sparkContext().hadoopConfiguration();
      StageContext ctx = null;
      try {
        // A run killed before this one may have left staging folders behind: remove them first.
        summary.put("removed_leftovers", Leftovers.clean(conf, out));
        ctx = StageContext.of(spark, out, runId, summary, scope.topics(), scope.range(), scope.options());
        Map<String, String> before = Manifests.fingerprints(conf, out.datasets());
        body.accept(ctx);
        Map<String, String> after = Manifests.fingerprints(conf, out.datasets());
        var changed = new TreeSet<String>(before.keySet());
        changed.addAll(after.keySet());
        changed.removeIf(d -> Objects.equals(before.get(d), after.get(d)));
        summary.put("datasets_changed", List.copyOf(changed));
        summary.put("nothing_changed", changed.isEmpty()
            && summary.changes().values().stream().allMatch(n -> n == 0));
        status = "succeeded";
        String index = out.site() + "/index.html";
        boolean published = HadoopFiles.exists(conf, index);
        closing = summary.closing(published ? index : null, out.runSummary(), (System.nanoTime() - began) / 1e9);
        return ExitCodes.OK;
      } catch (Exception e) { // Spark's own exceptions are checked ones, thrown from Scala
        if (e instanceof RuntimeException r && ArxivDigest.findUsage(r) != null) {
          throw r;
        }
        throw new RunFailed(e, ArxivDigest.findUsage(e) != null ? null : writeLog(conf, out, runId, e));
      } finally {
        if (ctx != null) {
          ctx.stages().close();
        }
        try {
          HadoopFiles.writeString(conf, out.runSummary(), summary.toJson(status));
        } finally {
          spark.stop();
        }
        // Said once the summary it names is written.
        if (closing != null) {
          closing.forEach(System.out::println);
        }
      }
    }
  }

  /** Writes a failed run's stack trace to {@code <output>/_logs/<run id>.log}; its path, or null if it cannot. */
  private static String writeLog(org.apache.hadoop.conf.Configuration conf, OutputLayout out, String runId,
                                 Throwable e) {
    var trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    String path = out.logs() + "/" + runId + ".log";
    try {
      HadoopFiles.writeString(conf, path, trace.toString());
      return path;
    } catch (RuntimeException cannot) {
      e.addSuppressed(cannot);
      return null;
    }
  }
}
