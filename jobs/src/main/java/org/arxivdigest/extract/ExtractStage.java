package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.CATEGORY;
import static org.arxivdigest.schema.Columns.DATE;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.RANK;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.TOPIC;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.schema.Catalog;

/**
 * Wires the CSV extracts ({@code output/extracts/}): the three monthly aggregates and each topic's listing,
 * written whole into a staging folder and swapped in, so that a reader sees the old set or the new one.
 */
public final class ExtractStage {
  private ExtractStage() {}

  /** Its stamp: the CSVs come from these four datasets and topics, files as listed then. */
  static final String STAMP = "extracts";

  /** The file name (without .csv) of a topic's listing extract. */
  public static String listingFile(String topic) {
    return LISTINGS_PREFIX + topic;
  }

  private static final String LISTINGS_PREFIX = Catalog.LISTINGS.folder() + "_";

  public static void run(StageContext ctx) {
    String staging = ctx.out().root() + "/.extracts-staging-" + ctx.runId();
    boolean changed = StampedStage.named(STAMP)
        .reads(Catalog.LISTINGS, Catalog.MONTHLY_TOPIC_STATS, Catalog.MONTHLY_CATEGORY_STATS,
            Catalog.TRENDING_TERMS)
        .key(ctx.topics())
        .files(ctx.out().extracts())
        .run(ctx, stamp -> false, () -> {
          try {
            return Computed.of(ctx.stages().timed("publish.extracts", () -> write(ctx, staging),
                wrote -> Map.of("files", 3 + ctx.topics().size(), "changed", wrote)));
          } finally {
            HadoopFiles.deleteRecursively(ctx.conf(), staging);
          }
        });
    ctx.summary().changed("extract_folders_written", changed ? 1 : 0);
  }

  /** Writes every extract into {@code staging} and swaps them in unless they are exactly there; whether it did. */
  private static boolean write(StageContext ctx, String staging) {
    var conf = ctx.conf();
    HadoopFiles.deleteRecursively(conf, staging);
    single(ctx, Catalog.MONTHLY_TOPIC_STATS, staging, col(TOPIC), col(MONTH), col(METHOD));
    single(ctx, Catalog.MONTHLY_CATEGORY_STATS, staging, col(CATEGORY), col(MONTH));
    single(ctx, Catalog.TRENDING_TERMS, staging, col(TOPIC), col(MONTH), col(RANK));
    CsvFiles.write(ctx.read(Catalog.LISTINGS), Catalog.LISTINGS.schema(), concat(lit(LISTINGS_PREFIX), col(TOPIC)),
        new Column[] {col(TOPIC), col(MONTH).desc(), col(DATE).desc(), col(SUBMITTED_AT).desc(),
            col(ID).desc(), col(VERSION).desc()},
        staging, ctx.topics().stream().map(t -> listingFile(t.slug())).toList());
    // Extracts already exactly there are left alone (bytes and modification times).
    boolean same = HadoopFiles.sameFiles(conf, staging, ctx.out().extracts());
    if (!same) {
      HadoopFiles.replaceDirectory(conf, staging, ctx.out().extracts());
    }
    return !same;
  }

  /** The extract of a whole dataset: {@code <folder>.csv}, in {@code order}. */
  private static void single(StageContext ctx, Catalog dataset, String dir, Column... order) {
    CsvFiles.write(ctx.read(dataset), dataset.schema(),
        lit(dataset.folder()), order, dir, List.of(dataset.folder()));
  }
}
