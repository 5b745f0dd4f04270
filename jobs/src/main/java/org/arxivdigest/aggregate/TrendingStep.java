package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.schema.Schemas;

/** Writes the trending terms of some months, with the IDF table it keeps between runs. */
final class TrendingStep {
  private TrendingStep() {}

  /** The stamp of the kept IDF table of trending terms. */
  static final String IDF_STAMP = "term_idf";

  /** The IDF of terms no sampled paper has, kept in the stamp beside the table. */
  record IdfFacts(Double unseenIdf) {}

  /** Writes the trending terms of {@code range} from {@code listings} (its months and their baselines). */
  static void write(StageContext ctx, AggregateInputs in, MonthRange range, Dataset<Row> listings) {
    ctx.stages().run("aggregate.trending_terms", () -> {
      Column inRange = range.filter(col(Columns.MONTH));
      Aggregates.Idf idf = termIdf(ctx, in);
      // A short range's candidates (thousands of rows) are written once to the run's work folder and read twice,
      // so that only their terms' rows are read from the IDF table (no shuffle of its millions of rows).
      String work = AggregateInputs.shortRange(range) ? ctx.work() : null;
      try {
        Dataset<Row> trending;
        if (work == null) {
          trending = Aggregates.trendingTerms(listings, idf, range.first());
        } else {
          String dir = work + "/trending_candidates";
          DatasetWriter.replaceIntermediate(Aggregates.risingCandidates(listings, idf, range.first()), dir);
          Dataset<Row> candidates = ctx.spark().read().schema(RisingTerms.SCHEMA).parquet(dir);
          trending = Aggregates.ranked(candidates, Aggregates.idfOf(candidates, idf.terms()), idf.unseen());
        }
        DatasetWriter.overwriteMonths(trending.filter(inRange), ctx.path(Catalog.TRENDING_TERMS), range);
      } finally {
        if (work != null) {
          HadoopFiles.deleteRecursively(ctx.conf(), work); // the run's work folder, as ingest leaves it
        }
      }
      var counts = new LinkedHashMap<String, Object>();
      if (range.only() != null) {
        counts.put("months", range.only().size());
      }
      return counts;
    });
  }

  /**
   * The IDF of trending terms ({@link Aggregates#idf}), kept in {@code _state/term_idf} under a stamp keyed by the
   * papers' content: it depends on nothing else, so a backfill or an incremental run whose papers did not change
   * reads it instead of tokenizing the sample again. Removed before it is rewritten, stamped after: a crash in
   * between leaves no table to trust ({@link StampedStage#kept}). Papers without a manifest are never trusted: then
   * it is computed and not stamped; {@code --recompute} computes it again too.
   */
  static Aggregates.Idf termIdf(StageContext ctx, AggregateInputs in) {
    SparkSession spark = ctx.spark();
    String dir = StageStamps.folder(ctx.out(), IDF_STAMP);
    return StampedStage.kept(ctx, IDF_STAMP,
        StampedStage.keyOf(ctx, IDF_STAMP, Catalog.PAPERS, Aggregates.IDF_SAMPLE),
        stamp -> {
          IdfFacts facts = stamp.facts(IdfFacts.class);
          return facts == null || facts.unseenIdf() == null ? null
              : new Aggregates.Idf(readIdf(spark, dir), facts.unseenIdf());
        },
        () -> {
          Aggregates.Idf idf = Aggregates.idf(in.papers());
          DatasetWriter.replaceIntermediate(idf.terms(), dir);
          return new StampedStage.Computed<>(new Aggregates.Idf(readIdf(spark, dir), idf.unseen()),
              new IdfFacts(idf.unseen()));
        }).value();
  }

  private static Dataset<Row> readIdf(SparkSession spark, String dir) {
    return spark.read().schema(Schemas.TERM_IDF).parquet(dir);
  }
}
