package org.arxivdigest.run;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a named stage: names it in the Spark UI, times it, logs one line and records it in the run summary. */
public final class Stages {
  private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

  private final SparkSession spark;
  private final RunSummary summary;
  private boolean reuseUnchanged = true;
  private final Map<String, Object> skipped = new java.util.LinkedHashMap<>();

  public Stages(SparkSession spark, RunSummary summary) {
    this.spark = spark;
    this.summary = summary;
  }

  public RunSummary summary() {
    return summary;
  }

  public SparkSession spark() {
    return spark;
  }

  /**
   * Whether a stage whose inputs did not change since it last ran may keep its datasets ({@link StageStamps});
   * {@code --recompute} turns it off.
   */
  public void reuseUnchanged(boolean reuse) {
    this.reuseUnchanged = reuse;
  }

  /** Whether what an earlier run kept under {@code stamp} may be reused: it matched, and {@code --recompute} is off. */
  public boolean reusable(StageStamps.Stamp stamp) {
    return stamp != null && reuseUnchanged;
  }

  /**
   * Whether to skip a stage: its stamp matched ({@code stamp} not null) and reuse is on. If so, records it as
   * skipped.
   */
  public boolean skip(String name, StageStamps.Stamp stamp) {
    if (!reusable(stamp)) {
      return false;
    }
    skipped(name, stamp);
    return true;
  }

  /** Records a stage not run because its datasets are already what it would compute. */
  private void skipped(String name, StageStamps.Stamp stamp) {
    String why = "inputs unchanged since run " + stamp.runId();
    skipped.put(name, why);
    summary.put("skipped_stages", new java.util.LinkedHashMap<>(skipped));
    LOG.info("stage={} skipped: {}", name, why);
  }

  /** The stage returns the counts to log; they go into the summary as they are. */
  public Map<String, Object> run(String name, Supplier<Map<String, Object>> stage) {
    spark.sparkContext().setJobDescription(name);
    long start = System.nanoTime();
    try {
      Map<String, Object> counts = stage.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      summary.stage(name, seconds, counts);
      LOG.info("stage={} seconds={} {}", name, String.format("%.2f", seconds), format(counts));
      return counts;
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  private static String format(Map<String, Object> counts) {
    var sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return sb.toString();
  }
}
