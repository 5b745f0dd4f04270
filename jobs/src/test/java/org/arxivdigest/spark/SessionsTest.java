package org.arxivdigest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
  @Test
  void theMasterOptionWinsOverEverything() {
    assertThat(Sessions.resolveMaster("local[2]", "spark://cluster:7077")).isEqualTo("local[2]");
  }

  @Test
  void aMasterSetBySparkSubmitIsKept() {
    assertThat(Sessions.resolveMaster(null, "spark://cluster:7077")).isNull();
  }

  @Test
  void embeddedWithoutAMasterRunsLocally() {
    assertThat(Sessions.resolveMaster(null, null)).isEqualTo("local[*]");
    assertThat(Sessions.resolveMaster(" ", null)).isEqualTo("local[*]");
  }

  @Test
  void anEmbeddedRunListsFilesOnTheDriverUnlessTheUserSaysOtherwise() {
    var spark = Sessions.create("sessions-test", "local[1]", java.util.Map.of());
    try {
      assertThat(spark.conf().get(Sessions.LISTING_THRESHOLD)).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    } finally {
      spark.stop();
    }
    spark = Sessions.create("sessions-test", "local[1]", java.util.Map.of(Sessions.LISTING_THRESHOLD, "64"));
    try {
      assertThat(spark.conf().get(Sessions.LISTING_THRESHOLD)).isEqualTo("64");
    } finally {
      spark.stop();
    }
  }

  @Test
  void anEmbeddedRunSizesItsShufflePartitionsFromItsInputAndAClusterKeepsSparks() {
    long mb = 1L << 20;
    assertThat(Sessions.shufflePartitions("local[2]", 7 * mb)).as("the sample: two per core").isEqualTo(4);
    assertThat(Sessions.shufflePartitions("local[2]", 589 * mb)).as("300k papers: one per 32 MB").isEqualTo(19);
    assertThat(Sessions.shufflePartitions("local[8]", 5_700 * mb)).as("the full dump").isEqualTo(179);
    assertThat(Sessions.shufflePartitions("local[2]", 100_000 * mb)).as("never above Spark's 200").isEqualTo(200);
    assertThat(Sessions.shufflePartitions("local", 0)).isEqualTo(2);
    assertThat(Sessions.shufflePartitions("local[*]", 0))
        .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(Sessions.shufflePartitions("spark://master:7077", 7 * mb)).isEqualTo(-1);
  }

  /**
   * A dataset partitioned by year whose two newest years hold almost all its rows, one file each, beside 30 years of
   * one row (the shape of the sample's papers): an embedded run reads the two large files in different tasks, so
   * that both cores work; with Spark's default opening cost of 4 MB a file (a user's --conf here) one task reads
   * both.
   */
  @Test
  void anEmbeddedRunSpreadsAFewLargeFilesOverItsCores(@TempDir Path dir) {
    String data = dir.resolve("by_year").toString();
    var spark = Sessions.create("sessions-test", "local[2]", java.util.Map.of());
    try {
      var rows = new ArrayList<Row>();
      var random = new Random(7);
      addRows(rows, random, 2026, 600);
      addRows(rows, random, 2025, 400);
      for (int year = 1991; year < 2021; year++) {
        addRows(rows, random, year, 1);
      }
      var schema = new StructType().add("year", DataTypes.IntegerType).add("text", DataTypes.StringType);
      spark.createDataFrame(rows, schema).repartition(functions.col("year")).write().partitionBy("year")
          .parquet(data);
      assertThat(largestReadTaskShare(spark, data)).as("the largest read task's share of the rows").isLessThan(0.7);
    } finally {
      spark.stop();
    }
    spark = Sessions.create("sessions-test", "local[2]", java.util.Map.of(Sessions.FILE_OPEN_COST, "4194304"));
    try {
      assertThat(largestReadTaskShare(spark, data)).as("with Spark's default, one task reads both large files")
          .isGreaterThan(0.95);
    } finally {
      spark.stop();
    }
  }

  private static void addRows(List<Row> rows, Random random, int year, int n) {
    for (int i = 0; i < n; i++) {
      var text = new StringBuilder();
      for (int c = 0; c < 1000; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      rows.add(RowFactory.create(year, text.toString()));
    }
  }

  private static double largestReadTaskShare(SparkSession spark, String data) {
    List<Row> counts = spark.read().parquet(data).groupBy(functions.spark_partition_id()).count().collectAsList();
    long total = counts.stream().mapToLong(r -> r.getLong(1)).sum();
    long largest = counts.stream().mapToLong(r -> r.getLong(1)).max().orElse(0);
    return (double) largest / total;
  }
}
