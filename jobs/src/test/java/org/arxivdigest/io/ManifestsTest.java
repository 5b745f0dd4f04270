package org.arxivdigest.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifests of real Parquet datasets, and what comparing two of them says. */
class ManifestsTest {
  @TempDir Path dir;

  private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType)
      .add("topic", DataTypes.StringType).add("month", DataTypes.StringType);

  private Dataset<Row> rows(Object[]... rows) {
    return TestSpark.session().createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(),
        SCHEMA);
  }

  private Manifests.Manifest written(String name, Dataset<Row> data) {
    String target = dir.resolve(name).toString();
    DatasetWriter.replace(data, target, "topic", "month");
    var conf = TestSpark.session().sparkContext().hadoopConfiguration();
    return Manifests.read(conf, target);
  }

  @Test
  void partitionFingerprintsTellWhichPartitionsChanged() {
    Manifests.Manifest before = written("a", rows(new Object[] {"1", "llm", "2025_05"},
        new Object[] {"2", "llm", "2025_05"}, new Object[] {"3", "llm", "2026_05"},
        new Object[] {"4", "rag", "2025_05"}));
    // Same rows in another order: same manifest content.
    Manifests.Manifest same = written("b", rows(new Object[] {"4", "rag", "2025_05"},
        new Object[] {"3", "llm", "2026_05"}, new Object[] {"2", "llm", "2025_05"},
        new Object[] {"1", "llm", "2025_05"}));
    assertThat(same.partitionFingerprints()).isEqualTo(before.partitionFingerprints());
    assertThat(same.fingerprint()).isEqualTo(before.fingerprint());
    assertThat(Manifests.changedPartitions(before, same)).isEmpty();

    // A row changed in one partition, one partition gone, one new.
    Manifests.Manifest after = written("c", rows(new Object[] {"1", "llm", "2025_05"},
        new Object[] {"2b", "llm", "2025_05"}, new Object[] {"4", "rag", "2025_05"},
        new Object[] {"5", "rag", "2026_06"}));
    assertThat(before.partitions()).containsEntry("topic=llm/month=2025_05", 2L);
    // The totals, summed from the partitions, are those of the whole dataset computed directly.
    Dataset<Row> back = TestSpark.session().read().parquet(dir.resolve("a").toString());
    Row direct = back.agg(org.apache.spark.sql.functions.count(org.apache.spark.sql.functions.lit(1)),
        org.apache.spark.sql.functions.sum(org.apache.spark.sql.functions.xxhash64(
            java.util.Arrays.stream(back.columns()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new)).cast("decimal(38,0)"))).first();
    assertThat(before.rows()).isEqualTo(direct.getLong(0)).isEqualTo(4L);
    assertThat(before.fingerprint()).isEqualTo(direct.getDecimal(1).toPlainString());
    assertThat(Manifests.changedPartitions(before, after)).containsExactly(
        "topic=llm/month=2025_05", "topic=llm/month=2026_05", "topic=rag/month=2026_06");
  }

  @Test
  void withoutAManifestOrPartitionFingerprintsEverythingCounts() {
    Manifests.Manifest m = written("d", rows(new Object[] {"1", "llm", "2025_05"}));
    assertThat(Manifests.changedPartitions(null, m)).isNull();
    var old = new Manifests.Manifest(m.dataset(), m.runId(), m.rows(), m.fingerprint(), m.partitionColumns(),
        m.partitions(), null);
    assertThat(Manifests.changedPartitions(old, m)).isNull();
  }

  @Test
  void replaceChangedPartitionsMovesInOnlyWhatChanged() throws Exception {
    String target = dir.resolve("e").toString();
    DatasetWriter.replace(rows(new Object[] {"1", "llm", "2025_05"}, new Object[] {"3", "llm", "2026_05"},
        new Object[] {"9", "old", "2020_01"}), target, "topic", "month");
    Path kept = dir.resolve("e/topic=llm/month=2026_05");
    var keptFiles = List.of(kept.toFile().list());
    var changed = DatasetWriter.replaceChangedPartitions(rows(new Object[] {"1b", "llm", "2025_05"},
        new Object[] {"3", "llm", "2026_05"}), target, "topic", "month");
    assertThat(changed).containsExactly("topic=llm/month=2025_05", "topic=old/month=2020_01");
    assertThat(List.of(kept.toFile().list())).isEqualTo(keptFiles);
    assertThat(dir.resolve("e/topic=old")).doesNotExist();
    assertThat(TestSpark.session().read().parquet(target).orderBy("id").collectAsList().toString())
        .isEqualTo("[[1b,llm,2025_05], [3,llm,2026_05]]");
    var conf = TestSpark.session().sparkContext().hadoopConfiguration();
    assertThat(Manifests.read(conf, target).partitions()).containsOnlyKeys("topic=llm/month=2025_05",
        "topic=llm/month=2026_05");
  }

  @Test
  void replacingPartitionsInScopeLeavesTheOthersAndTheirManifestEntries() throws Exception {
    String target = dir.resolve("s").toString();
    DatasetWriter.replace(rows(new Object[] {"1", "llm", "2025_05"}, new Object[] {"2", "llm", "2025_06"},
        new Object[] {"3", "rag", "2025_05"}, new Object[] {"4", "rag", "2025_06"}), target, "topic", "month");
    Path untouched = dir.resolve("s/topic=rag/month=2025_06");
    var untouchedFiles = List.of(untouched.toFile().list());
    // In scope: May of both topics. llm's May changes, rag's May has no rows left; June is not given.
    java.util.function.Predicate<String> may = k -> k.endsWith("month=2025_05");
    var changed = DatasetWriter.replaceChangedPartitions(rows(new Object[] {"1b", "llm", "2025_05"}), target, may,
        "topic", "month");
    assertThat(changed).containsExactly("topic=llm/month=2025_05", "topic=rag/month=2025_05");
    assertThat(List.of(untouched.toFile().list())).isEqualTo(untouchedFiles);
    assertThat(TestSpark.session().read().parquet(target).orderBy("id").collectAsList().toString())
        .isEqualTo("[[1b,llm,2025_05], [2,llm,2025_06], [4,rag,2025_06]]");
    assertDescribesTheFiles(target, SCHEMA, "topic", "month");

    // Without a manifest (a run stopped between moves): every partition in scope is moved in, the rest stays.
    var conf = TestSpark.session().sparkContext().hadoopConfiguration();
    HadoopFiles.deleteRecursively(conf, target + "/" + Manifests.FILE);
    java.util.function.Predicate<String> june = k -> k.endsWith("month=2025_06");
    assertThat(DatasetWriter.replaceChangedPartitions(rows(new Object[] {"2", "llm", "2025_06"}), target, june,
        "topic", "month")).isNull();
    assertThat(dir.resolve("s/topic=rag")).doesNotExist();
    assertThat(TestSpark.session().read().parquet(target).orderBy("id").collectAsList().toString())
        .isEqualTo("[[1b,llm,2025_05], [2,llm,2025_06]]");
    assertDescribesTheFiles(target, SCHEMA, "topic", "month");
  }

  @Test
  void anEmptyPartitionedDatasetTellsItsColumnsUntilPartitionsArrive() {
    String target = dir.resolve("empty").toString();
    var spark = TestSpark.session();
    DatasetWriter.replace(rows(), target, "topic", "month");
    assertThat(spark.read().parquet(target).columns()).containsExactly("id", "topic", "month");
    assertThat(spark.read().parquet(target).count()).isZero();
    DatasetWriter.replaceChangedPartitions(rows(new Object[] {"1", "llm", "2025_05"}), target,
        k -> k.startsWith("topic=llm/"), "topic", "month");
    assertThat(spark.read().parquet(target).collectAsList().toString()).isEqualTo("[[1,llm,2025_05]]");
    assertThat(dir.resolve("empty").toFile().list((d, name) -> name.endsWith(".parquet"))).isEmpty();
    DatasetWriter.replaceChangedPartitions(rows(), target, k -> true, "topic", "month");
    assertThat(spark.read().parquet(target).columns()).containsExactly("id", "topic", "month");
    assertThat(spark.read().parquet(target).count()).isZero();
    assertDescribesTheFiles(target, SCHEMA, "topic", "month");
  }

  /** The manifest written with a dataset is what reading its files back says, whatever the column order. */
  private static void assertDescribesTheFiles(String target, StructType schema, String... partitionColumns) {
    var conf = TestSpark.session().sparkContext().hadoopConfiguration();
    Manifests.Manifest written = Manifests.read(conf, target);
    Manifests.Manifest read = Manifests.describe(TestSpark.session(), target, schema, partitionColumns);
    assertThat(written.rows()).isEqualTo(read.rows());
    assertThat(written.fingerprint()).isEqualTo(read.fingerprint());
    assertThat(written.partitions()).isEqualTo(read.partitions());
    assertThat(written.partitionFingerprints()).isEqualTo(read.partitionFingerprints());
  }

  @Test
  void manifestsTakenWhileWritingEqualThoseReadBackFromTheFiles() {
    // Partition columns first (a read gives them last), nested arrays, structs, timestamps, nulls, non-ASCII.
    StructType schema = new StructType().add("topic", DataTypes.StringType).add("id", DataTypes.StringType)
        .add("authors", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType)))
        .add("at", DataTypes.TimestampType).add("score", DataTypes.DoubleType);
    var at = java.sql.Timestamp.valueOf("2025-05-01 12:00:00");
    var data = TestSpark.session().createDataFrame(List.of(
        RowFactory.create("llm", "2505.00001", List.of(List.of("Sm\u00f8rgrav", "J.")), at, 0.5),
        RowFactory.create("llm", "2505.00002", null, null, null),
        RowFactory.create("rag", "2505.00003", List.of(), at, -0.0)), schema);
    String partitioned = dir.resolve("p").toString();
    DatasetWriter.replace(data, partitioned, "topic");
    assertDescribesTheFiles(partitioned, schema, "topic");
    String whole = dir.resolve("w").toString();
    DatasetWriter.replace(data, whole);
    assertDescribesTheFiles(whole, schema);
  }

  @Test
  void overwritingMonthsKeepsTheOtherMonthsFiguresInTheManifest() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("month", DataTypes.StringType);
    String target = dir.resolve("m").toString();
    var spark = TestSpark.session();
    var all = org.arxivdigest.core.MonthRange.ALL;
    DatasetWriter.overwriteMonths(spark.createDataFrame(List.of(RowFactory.create("a", "2025_04"),
        RowFactory.create("b", "2025_05"), RowFactory.create("c", "2025_06")), schema), target, all);
    assertDescribesTheFiles(target, schema, "month");
    // Rewrite May (one row more) and June (now empty: removed); April stays as it was.
    DatasetWriter.overwriteMonths(spark.createDataFrame(List.of(RowFactory.create("b", "2025_05"),
        RowFactory.create("d", "2025_05")), schema), target, org.arxivdigest.core.MonthRange.parse("2025-05",
        "2025-06"));
    assertDescribesTheFiles(target, schema, "month");
    var conf = spark.sparkContext().hadoopConfiguration();
    assertThat(Manifests.read(conf, target).partitions()).containsExactly(
        java.util.Map.entry("month=2025_04", 1L), java.util.Map.entry("month=2025_05", 2L));
  }
}
