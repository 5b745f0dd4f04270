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
}
