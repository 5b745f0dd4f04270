package org.arxivdigest.run;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.config.Topic;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.schema.Catalog;

/**
 * What every stage of one command sees, built once per command: the session, where the output goes, the run id
 * (set once here; the dataset writers, which sit below this package, read it from the session's local property
 * that {@link #of} sets), the stage log, the topics, the months to write and the run options. Stages take this and
 * their own inputs; nothing else travels between a command and its stages.
 */
public record StageContext(SparkSession spark, OutputLayout out, String runId, Stages stages, List<Topic> topics,
                           MonthRange range, RunOptions options) {

  /** A context for a command's stages; sets the run id where the dataset writers read it. */
  public static StageContext of(SparkSession spark, OutputLayout out, String runId, RunSummary summary,
                                List<Topic> topics, MonthRange range, RunOptions options) {
    spark.sparkContext().setLocalProperty(org.arxivdigest.io.Manifests.RUN_ID_PROPERTY, runId);
    return new StageContext(spark, out, runId, new Stages(spark, summary, options.reuseUnchanged()), topics,
        range, options);
  }

  public Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }

  public RunSummary summary() {
    return stages.summary();
  }

  /** The path of a dataset of the catalog under this output. */
  public String path(Catalog dataset) {
    return out.path(dataset);
  }

  /**
   * A dataset this stage reads, with its catalog schema (an empty dataset has no file to infer one from); a usage
   * error naming the command that makes it when it is not there (a command run before the one it reads from).
   */
  public Dataset<Row> read(Catalog dataset) {
    require(dataset);
    return spark.read().schema(dataset.schema()).parquet(path(dataset));
  }

  /** Fails with a usage error, before anything is written, when one of the datasets is not there. */
  public void require(Catalog... datasets) {
    for (Catalog d : datasets) {
      HadoopFiles.requireDataset(conf(), path(d), d.producer().command());
    }
  }

  /** The run's own work folder: intermediate data, removed when the stage that made it ends. */
  public String work() {
    return out.work(runId);
  }
}
