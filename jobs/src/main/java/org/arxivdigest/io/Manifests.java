package org.arxivdigest.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.core.Json;

/**
 * The manifest of a dataset, {@code _manifest.json} in its folder, written last: the run that wrote it, its rows
 * per partition, and a fingerprint of its content (the sum of a 64-bit hash of every row, which does not depend on
 * row order or file layout). A dataset without a manifest, or whose manifest's row counts disagree with its files,
 * was interrupted; the next run rewrites it. Comparing fingerprints tells a run whether a dataset changed.
 */
public final class Manifests {
  private Manifests() {}

  public static final String FILE = "_manifest.json";
  /** The local property of the SparkContext that carries the run id to the writers. */
  public static final String RUN_ID_PROPERTY = "arxivdigest.run_id";

  /**
   * What a manifest says. {@code partitions}: rows per partition ({@code "topic=llm/month=2025_05"}), and
   * {@code partitionFingerprints} the fingerprint of each (null in a manifest written before they were recorded).
   */
  public record Manifest(String dataset, String runId, long rows, String fingerprint,
                         List<String> partitionColumns, Map<String, Long> partitions,
                         Map<String, String> partitionFingerprints) {}

  private static final org.apache.spark.sql.types.DecimalType SUM = DataTypes.createDecimalType(38, 0);

  /**
   * A row's hash as a manifest sums it: {@code xxhash64} of its columns in the order a read of the dataset gives
   * them, the partition columns last (so a manifest taken while writing, {@link WrittenRows}, equals one read back).
   */
  static Column rowHash(String[] columns, String... partitionColumns) {
    List<String> partitions = List.of(partitionColumns);
    return xxhash64(java.util.stream.Stream.concat(
            Arrays.stream(columns).filter(c -> !partitions.contains(c)), partitions.stream())
        .map(c -> col("`" + c + "`")).toArray(Column[]::new));
  }

  /** A row's partition as a manifest names it ({@code "topic=llm/month=2025_05"}); "" when not partitioned. */
  static Column partitionKey(String... partitionColumns) {
    return partitionColumns.length == 0 ? lit("") : concat_ws("/", Arrays.stream(partitionColumns)
        .map(c -> concat(lit(c + "="), col("`" + c + "`"))).toArray(Column[]::new));
  }

  /** Reads the dataset at {@code dir} back (with its schema: it may have no rows) and describes it. */
  public static Manifest describe(SparkSession spark, String dir, org.apache.spark.sql.types.StructType schema,
                                  String... partitionColumns) {
    Dataset<Row> data = spark.read().schema(schema).parquet(dir);
    Column hash = rowHash(data.columns(), partitionColumns);
    var partitions = new TreeMap<String, Long>();
    var partitionFingerprints = new TreeMap<String, String>();
    long rows = 0;
    java.math.BigDecimal fingerprint = java.math.BigDecimal.ZERO;
    if (partitionColumns.length > 0) {
      // One pass: the totals are the sums of the partitions' (a sum of hashes is the sum of its parts' sums).
      for (Row r : data.groupBy(partitionKey(partitionColumns)).agg(count(lit(1)), sum(hash.cast(SUM)))
          .collectAsList()) {
        partitions.put(r.getString(0), r.getLong(1));
        partitionFingerprints.put(r.getString(0), r.getDecimal(2).toPlainString());
        rows += r.getLong(1);
        fingerprint = fingerprint.add(r.getDecimal(2));
      }
    } else {
      Row totals = data.agg(count(lit(1)), sum(hash.cast(SUM))).first();
      rows = totals.getLong(0);
      fingerprint = totals.isNullAt(1) ? java.math.BigDecimal.ZERO : totals.getDecimal(1);
    }
    String runId = spark.sparkContext().getLocalProperty(RUN_ID_PROPERTY);
    return new Manifest(new Path(dir).getName().replaceFirst("^\\.(.*)\\.staging$", "$1"), runId,
        rows, fingerprint.toPlainString(), List.of(partitionColumns), partitions, partitionFingerprints);
  }

  /**
   * The manifest of a dataset of which some partitions were rewritten: {@code written}'s partitions, and those of
   * {@code before} that {@code kept} says were left as they were (and were not rewritten). Null when {@code before}
   * cannot tell (no manifest, or one without partition fingerprints or with other partition columns).
   */
  public static Manifest merge(Manifest before, Manifest written, java.util.function.Predicate<String> kept) {
    if (before == null || before.partitionFingerprints() == null
        || !before.partitionColumns().equals(written.partitionColumns())) {
      return null;
    }
    var partitions = new TreeMap<String, Long>();
    var fingerprints = new TreeMap<String, String>();
    before.partitions().forEach((k, n) -> {
      if (kept.test(k) && !written.partitions().containsKey(k)) {
        partitions.put(k, n);
        fingerprints.put(k, before.partitionFingerprints().get(k));
      }
    });
    partitions.putAll(written.partitions());
    fingerprints.putAll(written.partitionFingerprints());
    long rows = partitions.values().stream().mapToLong(Long::longValue).sum();
    java.math.BigInteger total = fingerprints.values().stream().map(java.math.BigInteger::new)
        .reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add);
    return new Manifest(written.dataset(), written.runId(), rows, total.toString(), written.partitionColumns(),
        partitions, fingerprints);
  }

  /**
   * The partitions ({@code "topic=llm/month=2025_05"}) whose rows differ between two manifests of a dataset:
   * added, removed, or with another fingerprint. Null when {@code before} cannot tell (no manifest, or one
   * without partition fingerprints): then every partition is to be taken as changed.
   */
  public static java.util.SortedSet<String> changedPartitions(Manifest before, Manifest after) {
    if (before == null || before.partitionFingerprints() == null
        || !before.partitionColumns().equals(after.partitionColumns())) {
      return null;
    }
    var changed = new java.util.TreeSet<String>(before.partitionFingerprints().keySet());
    changed.addAll(after.partitionFingerprints().keySet());
    changed.removeIf(k -> java.util.Objects.equals(before.partitionFingerprints().get(k),
        after.partitionFingerprints().get(k)));
    return changed;
  }

  public static void write(Configuration conf, String dir, Manifest m) {
    HadoopFiles.writeString(conf, dir + "/" + FILE, Json.write(m));
  }

  /** The manifest in {@code dir}, or null when there is none (never written, or the write was interrupted). */
  public static Manifest read(Configuration conf, String dir) {
    Path path = new Path(dir, FILE);
    String text = HadoopFiles.readString(conf, path.toString());
    try {
      return text == null ? null : Json.read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), Manifest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path, e);
    }
  }

  /** What {@link #content} says of a dataset without a manifest (never written whole, or being rewritten). */
  public static final String INCOMPLETE = "incomplete";

  /** What a manifest says of its dataset's content ({@code "rows:fingerprint"}), or {@link #INCOMPLETE} if null. */
  public static String content(Manifest m) {
    return m == null ? INCOMPLETE : m.rows() + ":" + m.fingerprint();
  }

  /**
   * Each dataset folder under {@code datasetsRoot} with what its manifest says of its content ({@link #content}):
   * comparing two of these tells what a run changed.
   */
  public static Map<String, String> fingerprints(Configuration conf, String datasetsRoot) {
    var out = new TreeMap<String, String>();
    Path root = new Path(datasetsRoot);
    try {
      FileSystem fs = HadoopFiles.fileSystem(root, conf);
      if (!fs.exists(root)) {
        return out;
      }
      for (var status : fs.listStatus(root)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && !name.startsWith(".") && !name.startsWith("_")) {
          out.put(name, content(read(conf, status.getPath().toString())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + datasetsRoot, e);
    }
    return out;
  }
}
