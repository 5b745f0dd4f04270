package org.arxivdigest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
