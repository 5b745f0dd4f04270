package org.arxivdigest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.spark.Sessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value kept between runs under a stamp of its own ({@link StageStamps#kept}). */
class StageStampsTest {
  @TempDir Path dir;

  private final Configuration conf = new Configuration();
  private OutputLayout out;
  private Stages stages;
  private final AtomicInteger computed = new AtomicInteger();

  @BeforeEach
  void setUp() {
    Sessions.localHadoopSettings().forEach(conf::set);
    out = new OutputLayout(dir.toString());
    stages = new Stages(null, new RunSummary("r1", "run", "local"));
  }

  private static final Function<Map<String, Object>, Long> READ =
      facts -> facts.get("n") instanceof Number n ? n.longValue() : null;

  private StageStamps.Kept<Long> keep(String key, long value) {
    return StageStamps.kept(conf, out, stages, "counts", key, "r1", READ, () -> {
      computed.incrementAndGet();
      return new StageStamps.Computed<>(value, Map.of("n", value));
    });
  }

  @Test
  void computesOnceThenReadsBackUnderTheSameKey() {
    assertThat(keep("k1", 7)).isEqualTo(new StageStamps.Kept<>(7L, false));
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).isTrue();
    // The same key: read from the stamp, whatever this run would compute.
    assertThat(keep("k1", 8)).isEqualTo(new StageStamps.Kept<>(7L, true));
    assertThat(computed).hasValue(1);
    // Another key (the input changed): computed again and stamped under it.
    assertThat(keep("k2", 9)).isEqualTo(new StageStamps.Kept<>(9L, false));
    assertThat(keep("k2", 10).value()).isEqualTo(9L);
    assertThat(computed).hasValue(2);
  }

  @Test
  void recomputeAndUnreadableFactsComputeAgain() {
    keep("k1", 7);
    stages.reuseUnchanged(false); // --recompute
    assertThat(keep("k1", 8)).isEqualTo(new StageStamps.Kept<>(8L, false));
    stages.reuseUnchanged(true);
    // Facts not of the reader's shape (another key's stamp, so this is computed and stamped): as if there were none.
    assertThat(StageStamps.kept(conf, out, stages, "counts", "k3", "r1", READ,
        () -> new StageStamps.Computed<>(1L, Map.of("other", 1))).value()).isEqualTo(1L);
    assertThat(keep("k3", 11)).isEqualTo(new StageStamps.Kept<>(11L, false));
    assertThat(keep("k3", 12)).isEqualTo(new StageStamps.Kept<>(11L, true));
  }

  @Test
  void aNullKeyComputesRemovesTheOldStampAndWritesNone() {
    keep("k1", 7);
    assertThat(keep(null, 8)).isEqualTo(new StageStamps.Kept<>(8L, false));
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).as("no stamp vouches for it").isFalse();
    assertThat(keep("k1", 9).read()).as("the old stamp is gone with what it kept").isFalse();
  }

  @Test
  void aCrashInComputeLeavesNoStamp() {
    keep("k1", 7);
    assertThatThrownBy(() -> StageStamps.kept(conf, out, stages, "counts", "k2", "r1", READ, () -> {
      throw new IllegalStateException("crash");
    })).hasMessage("crash");
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).isFalse();
  }
}
