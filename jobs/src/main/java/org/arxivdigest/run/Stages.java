package org.arxivdigest.run;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
  /** Guarded by itself: steps side by side ({@link #concurrently}) may be skipped at once. */
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

  /** Tasks of the running stages' Spark jobs, logged at most every {@link #PROGRESS_EVERY_MS} for each. */
  private final Progress progress = new Progress();

  /** Every 10 s; the system property {@code arxivdigest.progressMillis} changes it (tests). */
  static final long PROGRESS_EVERY_MS = Long.getLong("arxivdigest.progressMillis", 10_000);

  /** Spark's local property that holds the job description: the name of the stage that started the job. */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  /** A running stage's task counts. */
  private static final class Counts {
    final String name;
    final AtomicLong total = new AtomicLong();
    final AtomicLong done = new AtomicLong();
    final long started = System.currentTimeMillis();
    volatile long lastLog = started;

    Counts(String name) {
      this.name = name;
    }
  }

  /**
   * Counts the tasks of the jobs each running stage starts (several run at once in {@link #concurrently}): a Spark
   * stage belongs to the step whose name its job carries as description. The steps' threads are not blocked by it.
   */
  private static final class Progress extends org.apache.spark.scheduler.SparkListener {
    private final Map<String, Counts> running = new ConcurrentHashMap<>();
    private final Map<Integer, Counts> bySparkStage = new ConcurrentHashMap<>();

    void begin(String name) {
      running.put(name, new Counts(name));
    }

    void end(String name) {
      Counts ended = running.remove(name);
      bySparkStage.values().removeIf(c -> c == ended);
    }

    @Override
    public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted event) {
      String name = event.properties() == null ? null : event.properties().getProperty(JOB_DESCRIPTION);
      Counts counts = name == null ? null : running.get(name);
      if (counts != null) {
        bySparkStage.put(event.stageInfo().stageId(), counts);
        counts.total.addAndGet(event.stageInfo().numTasks());
      }
    }

    @Override
    public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd event) {
      Counts counts = bySparkStage.get(event.stageId());
      if (counts == null) {
        return;
      }
      long n = counts.done.incrementAndGet();
      long now = System.currentTimeMillis();
      if (now - counts.lastLog >= PROGRESS_EVERY_MS) {
        counts.lastLog = now;
        LOG.info("stage={} running {}s: {} of {} tasks so far", counts.name, (now - counts.started) / 1000, n,
            counts.total.get());
      }
    }
  }

  /**
   * Runs independent steps side by side, each on a thread of its own, and returns when all have ended: Spark runs
   * their jobs at once, so one step's small jobs fill the cores another's leave idle. The steps must not write the
   * same files. Each thread starts with the caller's Spark local properties (the run id), and each step names its
   * own jobs ({@link #run}). When steps fail, the first one's error (in the order given) is thrown, with the
   * others' attached as suppressed; the others are still waited for, so nothing runs on after this returns.
   */
  public static void concurrently(Runnable... steps) {
    var errors = new Throwable[steps.length];
    var threads = new Thread[steps.length];
    for (int i = 0; i < steps.length; i++) {
      int index = i;
      threads[i] = new Thread(() -> {
        try {
          steps[index].run();
        } catch (Throwable t) { // NOPMD - handed to the caller's thread, which rethrows it
          errors[index] = t;
        }
      }, "arxiv-digest-step-" + i);
      threads[i].start();
    }
    boolean interrupted = false;
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true; // the steps cannot be abandoned half-way: wait for them, then keep the interrupt
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable first = null;
    for (Throwable e : errors) {
      if (e == null) {
        continue;
      }
      if (first == null) {
        first = e;
      } else {
        first.addSuppressed(e);
      }
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    if (first instanceof Error e) {
      throw e;
    }
    if (first != null) {
      throw new IllegalStateException(first);
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
    synchronized (skipped) {
      skipped.put(name, why);
      summary.put("skipped_stages", new LinkedHashMap<>(skipped));
    }
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
      progress.end(name);
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
