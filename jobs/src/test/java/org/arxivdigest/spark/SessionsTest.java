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
}
