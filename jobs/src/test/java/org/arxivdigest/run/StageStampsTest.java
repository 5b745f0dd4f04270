package org.arxivdigest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.List;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value kept between runs under a stamp of its own ({@link StampedStage#kept}). */
class StageStampsTest {
  @TempDir Path dir;

  private final AtomicInteger computed = new AtomicInteger();
  private StageContext ctx;

  /** The facts of the kept value. */
  record Count(Long n) {}

  @BeforeEach
  void setUp() {
    ctx = context(true);
  }

  /** A context on this folder; {@code reuse} false is {@code --recompute}. */
  private StageContext context(boolean reuse) {
    return new StageContext(TestSpark.session(), new OutputLayout(dir.toString()), "r1",
        new Stages(null, new RunSummary("r1", "run", "local"), reuse), List.of(), MonthRange.ALL,
        new RunOptions(reuse));
  }

  private static final Function<StageStamps.Stamp, Long> READ = stamp -> {
    Count c = stamp.facts(Count.class);
    return c == null ? null : c.n();
  };

  private StampedStage.Kept<Long> keep(String key, long value) {
    return StampedStage.kept(ctx, "counts", key, READ, () -> {
      computed.incrementAndGet();
      return new StampedStage.Computed<>(value, new Count(value));
    });
  }

  @Test
  void computesOnceThenReadsBackUnderTheSameKey() {
    assertThat(keep("k1", 7)).isEqualTo(new StampedStage.Kept<>(7L, false));
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).isTrue();
    // The same key: read from the stamp, whatever this run would compute.
    assertThat(keep("k1", 8)).isEqualTo(new StampedStage.Kept<>(7L, true));
    assertThat(computed).hasValue(1);
    // Another key (the input changed): computed again and stamped under it.
    assertThat(keep("k2", 9)).isEqualTo(new StampedStage.Kept<>(9L, false));
    assertThat(keep("k2", 10).value()).isEqualTo(9L);
    assertThat(computed).hasValue(2);
  }

  @Test
  void recomputeAndUnreadableFactsComputeAgain() {
    keep("k1", 7);
    ctx = context(false); // --recompute
    assertThat(keep("k1", 8)).isEqualTo(new StampedStage.Kept<>(8L, false));
    ctx = context(true);
    // Facts not of the reader's shape (another key's stamp, so this is computed and stamped): as if there were none.
    assertThat(StampedStage.kept(ctx, "counts", "k3", READ,
        () -> new StampedStage.Computed<>(1L, Map.of("other", 1))).value()).isEqualTo(1L);
    assertThat(keep("k3", 11)).isEqualTo(new StampedStage.Kept<>(11L, false));
    assertThat(keep("k3", 12)).isEqualTo(new StampedStage.Kept<>(11L, true));
  }

  @Test
  void aNullKeyComputesRemovesTheOldStampAndWritesNone() {
    keep("k1", 7);
    assertThat(keep(null, 8)).isEqualTo(new StampedStage.Kept<>(8L, false));
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).as("no stamp vouches for it").isFalse();
    assertThat(keep("k1", 9).read()).as("the old stamp is gone with what it kept").isFalse();
  }

  @Test
  void aCrashInComputeLeavesNoStamp() {
    keep("k1", 7);
    assertThatThrownBy(() -> StampedStage.kept(ctx, "counts", "k2", READ, () -> {
      throw new IllegalStateException("crash");
    })).hasMessage("crash");
    assertThat(Files.exists(dir.resolve("_state/counts.json"))).isFalse();
  }
}
