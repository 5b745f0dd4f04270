package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.CATEGORY;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.RANK;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.schema.Catalog;

/**
 * Wires the CSV extracts ({@code output/extracts/}): the three monthly aggregates and each topic's listing,
 * written into a staging folder and swapped in, so that a reader sees the old set or the new one. The listing files
 * are put together from the months that changed and the others' bytes in place ({@link ListingExtracts}, its index
 * kept in the stage's stamp).
 */
public final class ExtractStage {
  private ExtractStage() {}

  /** Its stamp: the CSVs come from these four datasets and topics, files as listed then. */
  static final String STAMP = "extracts";

  /** The file name (without .csv) of a topic's listing extract. */
  public static String listingFile(String topic) {
    return ListingExtracts.fileOf(topic);
  }

  public static void run(StageContext ctx) {
    String staging = ctx.out().root() + "/.extracts-staging-" + ctx.runId();
    // Where each month's rows lie in the listing files in place: read before the stage clears its stamp.
    StageStamps.Stamp stamp = StageStamps.ofThisBuild(ctx.conf(), ctx.out(), STAMP);
    ListingExtracts.Index before = stamp == null ? null : stamp.facts(ListingExtracts.Index.class);
    boolean changed = StampedStage.named(STAMP)
        .reads(Catalog.LISTINGS, Catalog.MONTHLY_TOPIC_STATS, Catalog.MONTHLY_CATEGORY_STATS,
            Catalog.TRENDING_TERMS)
        .key(ctx.topics())
        .files(ctx.out().extracts())
        .run(ctx, s -> false, () -> {
          try {
            Result r = ctx.stages().timed("publish.extracts", () -> write(ctx, staging, before),
                w -> Map.of("files", 3 + ctx.topics().size(), "changed", w.replaced(),
                    "listing_months_written", w.listings().monthsWritten(),
                    "listing_months_kept", w.listings().monthsKept()));
            return new Computed<>(r.replaced(), r.listings().index());
          } finally {
            HadoopFiles.deleteRecursively(ctx.conf(), staging);
          }
        });
    ctx.summary().changed("extract_folders_written", changed ? 1 : 0);
  }

  /** What a write did: whether it replaced the extracts in place, and how it wrote the listing files. */
  private record Result(boolean replaced, ListingExtracts.Written listings) {}

  /**
   * Writes every extract into {@code staging} and swaps them in unless they are exactly there (then they are left
   * alone: bytes and modification times).
   */
  private static Result write(StageContext ctx, String staging, ListingExtracts.Index before) {
    var conf = ctx.conf();
    HadoopFiles.deleteRecursively(conf, staging);
    single(ctx, Catalog.MONTHLY_TOPIC_STATS, staging, col(TOPIC), col(MONTH), col(METHOD));
    single(ctx, Catalog.MONTHLY_CATEGORY_STATS, staging, col(CATEGORY), col(MONTH));
    single(ctx, Catalog.TRENDING_TERMS, staging, col(TOPIC), col(MONTH), col(RANK));
    ListingExtracts.Written listings = ListingExtracts.write(ctx, ctx.topics().stream().map(Topic::slug).toList(),
        staging, ctx.out().extracts(), before);
    boolean same = HadoopFiles.sameFiles(conf, staging, ctx.out().extracts());
    if (!same) {
      HadoopFiles.replaceDirectory(conf, staging, ctx.out().extracts());
    }
    return new Result(!same, listings);
  }

  /** The extract of a whole dataset: {@code <folder>.csv}, in {@code order}. */
  private static void single(StageContext ctx, Catalog dataset, String dir, Column... order) {
    CsvFiles.write(ctx.read(dataset), dataset.schema(),
        lit(dataset.folder()), order, dir, List.of(dataset.folder()));
  }
}
