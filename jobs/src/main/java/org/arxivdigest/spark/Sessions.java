package org.arxivdigest.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Creates the one SparkSession of a command, the same way embedded and under spark-submit. */
public final class Sessions {
  private Sessions() {}

  /** Months and dates are UTC by definition; the job sets this over any other value. */
  public static final String TIME_ZONE = "UTC";

  /**
   * The master is {@code --master} if given, else whatever spark-submit (or -Dspark.master) set, else
   * {@code local[*]}: a cluster's master is never overridden by a default.
   */
  public static SparkSession create(String appName, String master, Map<String, String> confs) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String resolved = resolveMaster(master, System.getProperty("spark.master"));
    if (resolved != null) {
      builder.master(resolved);
    }
    builder.config("spark.ui.showConsoleProgress", "false");
    // Parquet's standard timestamp (INT64 microseconds, UTC) instead of Spark's legacy INT96 default: every
    // Parquet reader knows it, and it writes without INT96's dictionary of 12-byte values. A user's --conf wins.
    builder.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    // Before --conf, so that a user's own spark.hadoop.fs.file.impl wins.
    if (isLocal(effectiveMaster(master))) {
      localHadoopSettings().forEach((k, v) -> builder.config("spark.hadoop." + k, v));
      builder.config(LISTING_THRESHOLD, String.valueOf(Integer.MAX_VALUE));
      builder.config(FILE_OPEN_COST, "0");
    }
    if (confs != null) {
      confs.forEach(builder::config);
    }
    builder.config("spark.sql.session.timeZone", TIME_ZONE);
    return builder.getOrCreate();
  }

  /** True for an embedded master ({@code local}, {@code local[2]}, ...): all tasks run in this JVM. */
  public static boolean isLocal(String master) {
    return master != null && master.startsWith("local");
  }

  /**
   * Hadoop settings of an embedded run: the local filesystem without per-file forks and checksum files
   * ({@link org.arxivdigest.io.ForklessLocalFileSystem}). Applied to Spark's Hadoop configuration and to the one
   * used before Spark starts, so that whichever first creates the (cached) local filesystem creates this one.
   */
  public static Map<String, String> localHadoopSettings() {
    return Map.of("fs.file.impl", org.arxivdigest.io.ForklessLocalFileSystem.class.getName());
  }

  /**
   * Above this many folders Spark lists a dataset's files with a Spark job (default 32): worth it against a
   * cluster's object store, not on a local disk, where the listings of 2.9M papers (2,158 (topic, month) folders)
   * took 6–12 s to list that way against 0.8 s on the driver, and every read of them paid it. Embedded runs list
   * on the driver; a cluster keeps Spark's default. A user's --conf wins either way.
   */
  public static final String LISTING_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";

  /**
   * Spark packs the files of a scan into read tasks counting each file as this many bytes more than its size
   * (default 4 MB: the cost of opening it, in bytes read), next fit by decreasing size. A dataset of a few large
   * files and many small ones then reads most of its rows in one task: the sample's {@code papers} keeps 10 of its
   * 12 MB in two of its 43 files (the years 2025 and 2026), and the 172 MB of opening cost stretched the first task
   * to hold both; the trending prior's pass read 11,491 papers in one task (3.0 s) and 49 in the other, the
   * classify scan likewise, one core idle. Opening a file on a local disk costs a footer read, so embedded runs count
   * a file's bytes only (0): the sample run 1.6-4.8 s faster and a 300k run 5.6-12.2 s in alternating pairs
   * (bench/RESULTS.md, session 33), the same rows and pages. A cluster, whose object store makes an open cost
   * something, keeps Spark's default; a user's --conf wins either way.
   */
  public static final String FILE_OPEN_COST = "spark.sql.files.openCostInBytes";

  /** Spark's shuffle partitions setting, and its default. */
  public static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";
  static final int SPARK_DEFAULT_SHUFFLE_PARTITIONS = 200;
  /** Input per shuffle partition an embedded run aims at. */
  static final long BYTES_PER_PARTITION = 32L << 20;

  /**
   * Shuffle partitions for an embedded run over {@code inputBytes} of (uncompressed) input: one per 32 MB, at least
   * two per core, at most Spark's default of 200; -1 (keep Spark's) for a cluster master, whose size the job does
   * not know. Spark's 200 made every shuffle of a small run 200 tasks: the sample run (10,943 records) took
   * 48-53 s with 200 and 37-40 s with 4 (same output, byte for byte).
   */
  public static int shufflePartitions(String master, long inputBytes) {
    if (!isLocal(master)) {
      return -1;
    }
    int cores = localCores(master);
    long byInput = (inputBytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.min(SPARK_DEFAULT_SHUFFLE_PARTITIONS, Math.max(2L * cores, byInput));
  }

  /** The cores of {@code local}, {@code local[N]}, {@code local[*]} and {@code local[N,F]}. */
  static int localCores(String master) {
    var m = java.util.regex.Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]").matcher(master);
    if (m.matches() && !m.group(1).equals("*")) {
      return Integer.parseInt(m.group(1));
    }
    return master.equals("local") ? 1 : Runtime.getRuntime().availableProcessors();
  }

  /** The master a session created with {@code option} runs on: the option, else spark-submit's, else local[*]. */
  public static String effectiveMaster(String option) {
    String resolved = resolveMaster(option, System.getProperty("spark.master"));
    return resolved == null ? System.getProperty("spark.master") : resolved;
  }

  /** Returns the master to set on the builder, or null to keep the one the environment gave. */
  public static String resolveMaster(String option, String fromEnvironment) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    return fromEnvironment == null ? "local[*]" : null;
  }
}
