package org.arxivdigest.run;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.schema.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dataset kept in memory for the rest of a stretch of stages that read it several times, when it is small; closed
 * when the stretch ends. Spark's cache answers every later {@link StageContext#read} of the same path and schema
 * from memory (spilling to disk if it must); a Spark write to the path refreshes it.
 */
public final class KeptInMemory implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KeptInMemory.class);

  private final Dataset<Row> kept;

  private KeptInMemory(Dataset<Row> kept) {
    this.kept = kept;
  }

  /** Keeps {@code dataset} when its files come to at most {@code maxBytes}; else (or when it is not there) not. */
  public static KeptInMemory ifAtMost(StageContext ctx, Catalog dataset, long maxBytes) {
    long bytes = HadoopFiles.size(ctx.conf(), ctx.path(dataset));
    if (bytes < 0 || bytes > maxBytes) {
      return new KeptInMemory(null);
    }
    LOG.info("{} ({} MB) kept in memory for the stages after this", dataset.folder(), bytes >> 20);
    return new KeptInMemory(ctx.read(dataset).persist(StorageLevel.MEMORY_AND_DISK()));
  }

  /** Whether the dataset is kept. */
  public boolean kept() {
    return kept != null;
  }

  @Override
  public void close() {
    if (kept != null) {
      kept.unpersist();
    }
  }
}
