package org.arxivdigest.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Leftovers;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.run.RunSummary;
import org.arxivdigest.run.Stages;
import org.arxivdigest.spark.Sessions;

/**
 * The frame of every Spark subcommand: one session, a run id, the run summary written at the end whether the run
 * succeeded or not, and Spark stopped in {@code finally}.
 */
public record CommandRun(SparkSession spark, OutputLayout out, String runId, RunSummary summary, Stages stages) {

  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);

  public static int execute(String command, SparkOptions options, Consumer<CommandRun> body) {
    String runId = RUN_ID.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
    SparkSession spark = Sessions.create("arxiv-digest " + command, options.master, options.confs);
    var summary = new RunSummary(runId, command, spark.sparkContext().master());
    var run = new CommandRun(spark, new OutputLayout(options.output), runId, summary, new Stages(spark, summary));
    String status = "failed";
    try {
      // A run killed before this one may have left staging folders behind: remove them first.
      var conf = spark.sparkContext().hadoopConfiguration();
      summary.put("removed_leftovers", Leftovers.clean(conf, run.out()));
      spark.sparkContext().setLocalProperty(Manifests.RUN_ID_PROPERTY, runId);
      Map<String, String> before = Manifests.fingerprints(conf, run.out().root() + "/datasets");
      body.accept(run);
      Map<String, String> after = Manifests.fingerprints(conf, run.out().root() + "/datasets");
      var changed = new java.util.TreeSet<String>(before.keySet());
      changed.addAll(after.keySet());
      changed.removeIf(d -> java.util.Objects.equals(before.get(d), after.get(d)));
      summary.put("datasets_changed", List.copyOf(changed));
      summary.put("nothing_changed", changed.isEmpty()
          && summary.changes().values().stream().allMatch(n -> n == 0));
      status = "succeeded";
      return ExitCodes.OK;
    } finally {
      try {
        HadoopFiles.writeString(spark.sparkContext().hadoopConfiguration(), run.out().runSummary(),
            summary.toJson(status));
      } finally {
        spark.stop();
      }
    }
  }
}
