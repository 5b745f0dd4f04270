package org.arxivdigest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small dataset kept in memory for a stretch of stages, then released ({@link KeptInMemory}). */
class KeptInMemoryTest {
  @TempDir Path dir;

  private StageContext context() {
    return new StageContext(TestSpark.session(), new OutputLayout(dir.toString()), "r1",
        new Stages(null, new RunSummary("r1", "run", "local"), true), List.of(), MonthRange.ALL,
        new RunOptions(true));
  }

  private static boolean cached(SparkSession spark, Dataset<Row> read) {
    var classic = (org.apache.spark.sql.classic.Dataset<?>) read;
    return spark.sharedState().cacheManager().lookupCachedData(classic).isDefined();
  }

  @Test
  void aSmallDatasetIsReadFromMemoryUntilClosedAndALargeOneOrAMissingOneIsNotKept() {
    StageContext ctx = context();
    SparkSession spark = ctx.spark();
    try (KeptInMemory missing = KeptInMemory.ifAtMost(ctx, Catalog.LISTINGS, Long.MAX_VALUE)) {
      assertThat(missing.kept()).isFalse();
    }
    spark.createDataFrame(List.of(), Catalog.LISTINGS.schema()).write().parquet(ctx.path(Catalog.LISTINGS));
    try (KeptInMemory tooLarge = KeptInMemory.ifAtMost(ctx, Catalog.LISTINGS, 0)) {
      assertThat(tooLarge.kept()).isFalse();
      assertThat(cached(spark, ctx.read(Catalog.LISTINGS))).isFalse();
    }
    try (KeptInMemory kept = KeptInMemory.ifAtMost(ctx, Catalog.LISTINGS, 1L << 20)) {
      assertThat(kept.kept()).isTrue();
      // A later read of the dataset, as a stage makes it, is answered by the cache.
      assertThat(cached(spark, ctx.read(Catalog.LISTINGS))).isTrue();
    }
    assertThat(cached(spark, ctx.read(Catalog.LISTINGS))).isFalse();
  }
}
