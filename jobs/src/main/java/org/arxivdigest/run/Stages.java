package org.arxivdigest.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a named step: names it in the Spark UI, times it, logs one line and records it in the run summary. */
public final class Stages {
  private static final Logger LOG = LoggerFactory.getLogger(Stages.class);

  private final SparkSession spark;
  private final RunSummary summary;
  private final boolean reuseUnchanged;
  private final Map<String, Object> skipped = new LinkedHashMap<>();

  /**
   * {@code reuseUnchanged}: whether a stage whose inputs did not change since it last ran may keep its datasets
   * ({@link StageStamps}); {@code --recompute} turns it off.
   */
  public Stages(SparkSession spark, RunSummary summary, boolean reuseUnchanged) {
    this.spark = spark;
    this.summary = summary;
    this.reuseUnchanged = reuseUnchanged;
    if (spark != null) {
      spark.sparkContext().addSparkListener(progress);
    }
  }

  /** Tasks of the running stage's Spark jobs, logged at most every {@link #PROGRESS_EVERY_MS} while it runs. */
  private final Progress progress = new Progress();

  /** Every 10 s; the system property {@code arxivdigest.progressMillis} changes it (tests). */
  static final long PROGRESS_EVERY_MS = Long.getLong("arxivdigest.progressMillis", 10_000);

  /** Counts the tasks of the jobs started while a stage runs; the stage's thread is not blocked by it. */
  private static final class Progress extends org.apache.spark.scheduler.SparkListener {
    private volatile String stage;
    private final java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
    private volatile long started;
    private volatile long lastLog;

    void begin(String name) {
      total.set(0);
      done.set(0);
      started = System.currentTimeMillis();
      lastLog = started;
      stage = name;
    }

    void end() {
      stage = null;
    }

    @Override
    public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted event) {
      if (stage != null) {
        total.addAndGet(event.stageInfo().numTasks());
      }
    }

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd event) {
      String name = stage;
      if (name == null) {
        return;
      }
      long n = done.incrementAndGet();
      long now = System.currentTimeMillis();
      if (now - lastLog >= PROGRESS_EVERY_MS) {
        lastLog = now;
        LOG.info("stage={} running {}s: {} of {} tasks so far", name, (now - started) / 1000, n, total.get());
      }
    }
  }

  /** Stops reporting progress: the listener leaves the Spark context, which may outlive the command (tests). */
  public void close() {
    if (spark != null) {
      spark.sparkContext().removeSparkListener(progress);
    }
  }

  public RunSummary summary() {
    return summary;
  }

  /** Whether what an earlier run kept under {@code stamp} may be reused: it matched, and {@code --recompute} is off. */
  public boolean reusable(StageStamps.Stamp stamp) {
    return stamp != null && reuseUnchanged;
  }

  /** Records a stage not run because its datasets are already what it would compute. */
  void skipped(String name, StageStamps.Stamp stamp) {
    String why = "inputs unchanged since run " + stamp.runId();
    skipped.put(name, why);
    summary.put("skipped_stages", new LinkedHashMap<>(skipped));
    LOG.info("stage={} skipped: {}", name, why);
  }

  /** The step returns the counts to log; they go into the summary as they are. */
  public Map<String, Object> run(String name, Supplier<Map<String, Object>> step) {
    return timed(name, step, counts -> counts);
  }

  /**
   * As {@link #run}, for a step whose result is a value of its own: {@code counts} says what of it to log and
   * record.
   */
  public <T> T timed(String name, Supplier<T> step, java.util.function.Function<T, Map<String, Object>> counts) {
    if (spark != null) {
      spark.sparkContext().setJobDescription(name);
    }
    LOG.info("stage={} started", name);
    progress.begin(name);
    long start = System.nanoTime();
    try {
      T result = step.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Object> logged = counts.apply(result);
      summary.stage(name, seconds, logged);
      LOG.info("stage={} seconds={} {}", name, String.format("%.2f", seconds), format(logged));
      return result;
    } finally {
      progress.end();
      if (spark != null) {
        spark.sparkContext().setJobDescription(null);
      }
    }
  }

  private static String format(Map<String, Object> counts) {
    var sb = new StringBuilder();
    counts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
    return sb.toString();
  }
}
