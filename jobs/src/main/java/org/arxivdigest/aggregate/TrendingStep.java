package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.ingest.MergedIds;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.schema.Schemas;

/** Writes the trending terms of some months ({@link TrendingTerms}), with the corpus prior it keeps between runs. */
final class TrendingStep {
  private TrendingStep() {}

  /** The stamp of the kept prior of trending terms. */
  static final String PRIOR_STAMP = "term_prior";

  /** The stamp of the IDF table of trending terms before the prior (output format 1). */
  private static final String OLD_IDF_STAMP = "term_idf";

  /**
   * The prior's totals, kept in the stamp beside the table; {@code corpusPapers}: the papers it was made from (the
   * sample is drawn from them), {@code mergedSince}: the papers merges have changed since (see {@link #MERGE_DRIFT}).
   */
  record PriorFacts(Long papers, Long occurrences, List<String> commonWords, List<String> plainWords,
                    Long corpusPapers, Long mergedSince) {
    boolean complete() {
      return papers != null && occurrences != null && commonWords != null && plainWords != null;
    }

    TermPrior prior(Dataset<Row> counts) {
      return new TermPrior(counts, papers, occurrences, commonWords, plainWords);
    }
  }

  /**
   * A merge keeps using the prior made before it (a background distribution of ~100,000 sampled papers) while the
   * papers merged since it was made are at most this share of the corpus it was made from: about ten days of
   * merges into the full dump, instead of the prior made again (the sample tokenized) every night. A full run, a
   * larger drift or {@code --recompute} makes it again.
   */
  static final double MERGE_DRIFT = 0.01;

  /** Ranges of at most this many months read only their candidates' rows of the prior. */
  static final int CANDIDATE_MONTHS = 60;

  /** Writes the trending terms of {@code range} from {@code listings} (its months and their baselines). */
  static void write(StageContext ctx, AggregateInputs in, MonthRange range, Dataset<Row> listings) {
    ctx.stages().run("aggregate.trending_terms", () -> {
      Column inRange = range.filter(col(Columns.MONTH));
      StampedStage.Kept<TermPrior> kept = termPrior(ctx, in);
      TermPrior prior = kept.value();
      // The scored terms (at most 50 a topic's month) are written to the run's work folder and read twice by
      // TermPhrases (the terms each month's papers are scanned for, and the rows shown), so that they are counted
      // and scored once. A bounded range's candidates (thousands of rows a month) are written there too and read
      // twice, so that only their terms' rows are read from the prior (no shuffle of its millions of rows): a
      // backfill's months, or a merge's (its touched months and the 12 after each, 33 in a nightly merge at 2.9M).
      boolean bounded = range.isAtMost(CANDIDATE_MONTHS);
      String work = ctx.work();
      String scoredDir = work + "/trending_scored";
      UnaryOperator<Dataset<Row>> keepScored = scored -> {
        DatasetWriter.replaceIntermediate(scored, scoredDir);
        return ctx.spark().read().schema(Schemas.TRENDING_TERMS).parquet(scoredDir);
      };
      try {
        Dataset<Row> trending;
        if (!bounded) {
          trending = TrendingTerms.of(listings, prior, ctx.topics(), range.first(), keepScored);
        } else {
          String dir = work + "/trending_candidates";
          DatasetWriter.replaceIntermediate(TrendingTerms.candidates(listings, ctx.topics(), range.first()), dir);
          Dataset<Row> candidates = ctx.spark().read().schema(TermCounts.SCHEMA).parquet(dir);
          trending = TrendingTerms.phrased(keepScored.apply(TrendingTerms.ranked(candidates,
              TrendingTerms.priorOf(candidates, prior.terms()), prior, TrendingTerms.SHOWN_TERMS)), listings,
              ctx.topics(), range.first());
        }
        DatasetWriter.overwriteMonths(trending.filter(inRange), ctx.path(Catalog.TRENDING_TERMS), range);
      } finally {
        // A bounded range removes the run's work folder, as ingest leaves it; otherwise only what it wrote there.
        HadoopFiles.deleteRecursively(ctx.conf(), bounded ? work : scoredDir);
      }
      var counts = new LinkedHashMap<String, Object>();
      if (range.only() != null) {
        counts.put("months", range.only().size());
      }
      counts.put("prior", kept.read() ? "kept" : "made");
      return counts;
    });
  }

  /**
   * The corpus prior of trending terms ({@link TermPrior}), kept in {@code _state/term_prior} under a stamp keyed by
   * the papers' content: it depends on nothing else, so a backfill, a merge or an incremental run whose papers did
   * not change reads it instead of tokenizing the sample again. Removed before it is rewritten, stamped after: a
   * crash in between leaves no table to trust ({@link StampedStage#kept}). Papers without a manifest are never
   * trusted: then it is computed and not stamped; {@code --recompute} computes it again too.
   */
  static StampedStage.Kept<TermPrior> termPrior(StageContext ctx, AggregateInputs in) {
    SparkSession spark = ctx.spark();
    String dir = StageStamps.folder(ctx.out(), PRIOR_STAMP);
    String key = StampedStage.keyOf(ctx, PRIOR_STAMP, Catalog.PAPERS, TermPrior.SAMPLE, TermPrior.COMMON_SHARE,
        TermPrior.PLAIN_SHARE, TermPrior.NAMED_SHARE);
    TermPrior beforeMerge = key == null ? null : keptAcrossMerge(ctx, key, dir);
    if (beforeMerge != null) {
      return new StampedStage.Kept<>(beforeMerge, true);
    }
    return StampedStage.kept(ctx, PRIOR_STAMP, key,
        stamp -> {
          PriorFacts facts = stamp.facts(PriorFacts.class);
          return facts == null || !facts.complete() ? null : facts.prior(readPrior(spark, dir));
        },
        () -> {
          // The IDF table of format 1, which this prior replaces: a full run upgrading an output removes it.
          StageStamps.clear(ctx.conf(), ctx.out(), OLD_IDF_STAMP);
          HadoopFiles.deleteRecursively(ctx.conf(), StageStamps.folder(ctx.out(), OLD_IDF_STAMP));
          TermPrior prior = TermPrior.write(spark, in.papers(), dir, DatasetWriter::replaceIntermediate);
          Manifests.Manifest papers = Manifests.read(ctx.conf(), ctx.path(Catalog.PAPERS));
          return new StampedStage.Computed<>(prior, new PriorFacts(prior.papers(), prior.occurrences(),
              prior.commonWords(), prior.plainWords(), papers == null ? null : papers.rows(), 0L));
        });
  }

  /**
   * In a merge, the prior kept under an older key (made from the papers before this and earlier merges) while
   * they and this merge's papers stay within {@link #MERGE_DRIFT}; it is stamped again under the papers' new key,
   * with the papers merged since it was made. Null otherwise (then it is made again, or read under its own key).
   */
  private static TermPrior keptAcrossMerge(StageContext ctx, String key, String dir) {
    Dataset<Row> merged = MergedIds.read(ctx);
    StageStamps.Stamp stamp = merged == null ? null : StageStamps.ofThisBuild(ctx.conf(), ctx.out(), PRIOR_STAMP);
    if (!ctx.stages().reusable(stamp) || key.equals(stamp.key())) {
      return null;
    }
    PriorFacts facts = stamp.facts(PriorFacts.class);
    if (facts == null || !facts.complete() || facts.corpusPapers() == null || facts.mergedSince() == null) {
      return null;
    }
    long since = facts.mergedSince() + merged.count();
    if (since > MERGE_DRIFT * facts.corpusPapers()) {
      return null;
    }
    StageStamps.write(ctx.conf(), ctx.out(), PRIOR_STAMP, key, ctx.runId(), List.of(), List.of(),
        new PriorFacts(facts.papers(), facts.occurrences(), facts.commonWords(), facts.plainWords(),
            facts.corpusPapers(), since));
    return facts.prior(readPrior(ctx.spark(), dir));
  }

  private static Dataset<Row> readPrior(SparkSession spark, String dir) {
    return spark.read().schema(Schemas.TERM_PRIOR).parquet(dir);
  }
}
