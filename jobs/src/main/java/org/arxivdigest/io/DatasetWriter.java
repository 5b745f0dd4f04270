package org.arxivdigest.io;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.schema.Columns;

/**
 * Writes a Parquet dataset beside its target and swaps it in only once Spark has written all of it, with its
 * manifest ({@link Manifests}) inside: the dataset and its manifest arrive together.
 */
public final class DatasetWriter {
  private DatasetWriter() {}

  public static void replace(Dataset<Row> data, String target, String... partitionBy) {
    String staged = staged(data, target);
    Manifests.Manifest manifest = writeWithManifest(data, staged, target, partitionBy);
    var conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Manifests.write(conf, staged, manifest);
    HadoopFiles.replaceDirectory(conf, staged, target);
  }

  /**
   * As {@link #replace}, but only the partitions whose rows changed since the dataset's manifest are moved in (one
   * rename each; removed partitions are deleted), so that the files of the others stay as they are. Returns the
   * changed partition keys ({@code "topic=llm/month=2025_05"}), or null when the dataset had no manifest with
   * partition fingerprints to compare with: then the whole dataset was replaced. The manifest is removed before
   * the first move and written after the last: a crash in between leaves a dataset the next run rewrites whole.
   */
  public static java.util.SortedSet<String> replaceChangedPartitions(Dataset<Row> data, String target,
                                                                     String... partitionBy) {
    return replaceChangedPartitions(data, target, null, partitionBy);
  }

  /**
   * As {@link #replaceChangedPartitions(Dataset, String, String...)} for a dataset of which only the partitions
   * {@code scope} accepts (by key; null: all) were computed again: {@code data} holds every row of those and none
   * of the others. Of those, the changed ones are moved in and the ones with no rows left are removed; the others
   * stay as they are, with their manifest entries. Without a manifest to compare with, every partition in scope is
   * moved in (null is returned) and the manifest is read back.
   */
  public static java.util.SortedSet<String> replaceChangedPartitions(Dataset<Row> data, String target,
      java.util.function.Predicate<String> scope, String... partitionBy) {
    var conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Manifests.Manifest before = Manifests.read(conf, target);
    String staged = staged(data, target);
    Manifests.Manifest written = writeWithManifest(data, staged, target, partitionBy);
    Manifests.Manifest after = scope == null ? written : Manifests.merge(before, written, k -> !scope.test(k));
    java.util.SortedSet<String> changed = after == null ? null : Manifests.changedPartitions(before, after);
    if (changed == null && scope == null) {
      Manifests.write(conf, staged, written);
      HadoopFiles.replaceDirectory(conf, staged, target);
      return null;
    }
    if (changed != null && changed.isEmpty()) {
      HadoopFiles.deleteRecursively(conf, staged);
      return changed;
    }
    java.util.SortedSet<String> moved = changed;
    if (moved == null) { // in scope: what was written and what is there
      moved = new java.util.TreeSet<>(written.partitions().keySet());
      HadoopFiles.partitionKeys(conf, target, partitionBy.length).stream().filter(scope).forEach(moved::add);
    }
    HadoopFiles.deleteRecursively(conf, target + "/" + Manifests.FILE);
    removeSchemaOnly(conf, target);
    for (String key : moved) {
      if (written.partitions().containsKey(key)) {
        HadoopFiles.replaceDirectory(conf, staged + "/" + key, target + "/" + key);
      } else {
        HadoopFiles.deleteRecursively(conf, target + "/" + key);
        // A partition of an outer column (topic=x) left with no inner partition goes too.
        for (int slash = key.lastIndexOf('/'); slash > 0; slash = key.lastIndexOf('/', slash - 1)) {
          HadoopFiles.deleteIfEmpty(conf, target + "/" + key.substring(0, slash));
        }
      }
    }
    Manifests.Manifest now = after != null ? after
        : Manifests.describe(data.sparkSession(), target, data.schema(), partitionBy);
    if (now.rows() == 0) {
      writeSchemaOnly(data, target);
    }
    Manifests.write(conf, target, now);
    HadoopFiles.deleteRecursively(conf, staged);
    return changed;
  }

  /** As {@link #replace} for a run's own intermediate data (under its work folder): no manifest. */
  public static void replaceIntermediate(Dataset<Row> data, String target) {
    String staged = staged(data, target);
    parquet(data, staged);
    HadoopFiles.replaceDirectory(data.sparkSession().sparkContext().hadoopConfiguration(), staged, target);
  }

  /** The empty folder beside {@code target} that a dataset is written into before it is swapped in. */
  private static String staged(Dataset<Row> data, String target) {
    Path dest = new Path(target);
    String staged = new Path(dest.getParent(), "." + dest.getName() + ".staging").toString();
    HadoopFiles.deleteRecursively(data.sparkSession().sparkContext().hadoopConfiguration(), staged);
    return staged;
  }

  private static void parquet(Dataset<Row> data, String dir, String... partitionBy) {
    data.write().mode(SaveMode.Overwrite).options(parquetOptions(data.schema())).partitionBy(partitionBy)
        .parquet(dir);
  }

  /** Writes {@code data} into {@code dir}; its manifest (as {@code target}'s) is taken in the same pass. */
  private static Manifests.Manifest writeWithManifest(Dataset<Row> data, String dir, String target,
                                                      String... partitionBy) {
    WrittenRows rows = new WrittenRows();
    parquet(rows.observe(data, partitionBy), dir, partitionBy);
    Manifests.Manifest m = rows.manifest(new Path(target).getName(), runId(data), partitionBy);
    if (m.rows() == 0 && partitionBy.length > 0) {
      writeSchemaOnly(data, dir);
    }
    return m;
  }

  /**
   * A partitioned dataset with no rows has no partition folders and so no file to tell its columns: one empty
   * Parquet file at its root does (a reader without a schema then gets the columns and no rows). The first
   * partitions moved in remove it ({@link #removeSchemaOnly}).
   */
  private static void writeSchemaOnly(Dataset<Row> data, String dir) {
    data.sparkSession().createDataFrame(java.util.List.of(), data.schema()).coalesce(1).write()
        .mode(SaveMode.Append).parquet(dir);
  }

  /** Removes the file {@link #writeSchemaOnly} leaves at the root of a partitioned dataset (data files only there). */
  private static void removeSchemaOnly(org.apache.hadoop.conf.Configuration conf, String target) {
    HadoopFiles.dataFiles(conf, target).forEach(f -> HadoopFiles.deleteRecursively(conf, f.toString()));
  }

  private static String runId(Dataset<Row> data) {
    return data.sparkSession().sparkContext().getLocalProperty(Manifests.RUN_ID_PROPERTY);
  }

  /**
   * Columns of free text, nearly unique per row: Parquet's dictionary encoding only costs there (every value
   * hashed and compared against a dictionary that fills up and is dropped for plain encoding each row group). A
   * profile of ingest at 1M papers had 15% of its samples in it, most in the authors' names.
   */
  static final java.util.Set<String> FREE_TEXT = java.util.Set.of(Columns.ID, Columns.SUBMITTER, Columns.AUTHORS,
      Columns.AUTHORS_PARSED, Columns.TITLE, Columns.ABSTRACT, Columns.COMMENTS, Columns.JOURNAL_REF, Columns.DOI,
      Columns.REPORT_NO, Columns.RAW_RECORD);

  /**
   * Writer options for a dataset of this schema: dictionary encoding off for its {@link #FREE_TEXT} columns (by
   * their Parquet leaf path: {@code authors_parsed.list.element.list.element}), on for the others.
   */
  public static java.util.Map<String, String> parquetOptions(StructType schema) {
    var options = new java.util.TreeMap<String, String>();
    for (StructField field : schema.fields()) {
      if (FREE_TEXT.contains(field.name())) {
        StringBuilder path = new StringBuilder(field.name());
        for (DataType t = field.dataType(); t instanceof ArrayType a; t = a.elementType()) {
          path.append(".list.element");
        }
        options.put("parquet.enable.dictionary#" + path, "false");
      }
    }
    return options;
  }

  /**
   * Overwrites the months of {@code range} of a dataset partitioned by {@code month}, leaving the others as they
   * are: Spark's dynamic partition overwrite (it writes into a hidden staging folder of the dataset and moves each
   * partition in at commit), then the months of the range that have no rows any more are removed, so that no stale
   * month survives. The manifest is removed first and written last: a dataset without one was interrupted. Its
   * figures are the written months' (taken while writing) and, for the months outside the range, the previous
   * manifest's; without a previous manifest to take them from, the dataset is read back.
   */
  public static void overwriteMonths(Dataset<Row> data, String target, org.arxivdigest.core.MonthRange range) {
    if (range.only() != null && range.only().isEmpty()) {
      return; // an incremental run with nothing to rewrite here
    }
    String month = org.arxivdigest.schema.Columns.MONTH;
    // One task per month, so one file per month: without it every shuffle partition writes a file into every
    // month it holds (35 years of months x 200 partitions: tens of thousands of tiny files, minutes of writing).
    // A range of fewer months than shuffle partitions gets as many partitions as months: a one-month backfill
    // otherwise runs 200 empty tasks for each step below (a second or more each).
    Column byMonth = org.apache.spark.sql.functions.col(month);
    long months = range.size();
    int shuffle = Integer.parseInt(data.sparkSession().conf().get("spark.sql.shuffle.partitions"));
    Dataset<Row> byMonths = months > 0 && months < shuffle ? data.repartition((int) months, byMonth)
        : data.repartition(byMonth);
    var conf = data.sparkSession().sparkContext().hadoopConfiguration();
    Manifests.Manifest before = Manifests.read(conf, target);
    HadoopFiles.deleteRecursively(conf, target + "/" + Manifests.FILE);
    WrittenRows rows = new WrittenRows();
    rows.observe(byMonths, month).write().mode(SaveMode.Overwrite).options(parquetOptions(data.schema()))
        .option("partitionOverwriteMode", "dynamic").partitionBy(month)
        .parquet(target);
    Manifests.Manifest written = rows.manifest(new Path(target).getName(), runId(data), month);
    removeSchemaOnly(conf, target);
    try {
      Path dir = new Path(target);
      var fs = HadoopFiles.fileSystem(dir, conf);
      for (var status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (status.isDirectory() && name.startsWith(month + "=")) {
          String value = name.substring(month.length() + 1);
          if (range.contains(value) && !written.partitions().containsKey(name)) {
            fs.delete(status.getPath(), true);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cleaning " + target, e);
    }
    Manifests.Manifest merged = Manifests.merge(before, written, key -> !range.contains(
        key.substring(month.length() + 1)));
    Manifests.Manifest now = merged != null ? merged
        : Manifests.describe(data.sparkSession(), target, data.schema(), month);
    if (now.rows() == 0) {
      writeSchemaOnly(data, target);
    }
    Manifests.write(conf, target, now);
  }
}
