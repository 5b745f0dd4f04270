package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.core.Changes;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.core.TopicMonth;
import org.arxivdigest.ingest.MergedIds;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.Stages;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.run.StampedStage.Coverage;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Columns;

/**
 * Wires the aggregates: reads what ingest and classify wrote, writes the three monthly datasets partitioned by
 * month with dynamic partition overwrite, so that a backfill ({@code --from/--to}) rewrites only its months.
 * Trending terms of a month read the earlier months too, whatever the range.
 *
 * <p>An incremental run ({@link #runIncremental}) knows which listing partitions changed; it also recounts the
 * topic and category stats of every month (cheap: group-bys) and compares them with the datasets in place, so
 * that a month whose versions changed outside any topic is touched too; a merge knows the months its changed
 * papers have or had versions in, and writes their counts without comparing. Only the touched months are written,
 * and trending terms are recomputed for the months whose listings changed and the
 * {@value TrendingTerms.BASELINE_MONTHS} months after each (whose baseline they are part of).
 */
public final class AggregateStage {
  private AggregateStage() {}

  /** Its stamp: made from these four datasets and topics, by this build. */
  static final String STAMP = "aggregate";

  private static final List<Catalog> OUTPUTS =
      List.of(Catalog.MONTHLY_TOPIC_STATS, Catalog.MONTHLY_CATEGORY_STATS, Catalog.TRENDING_TERMS);

  /**
   * What an incremental aggregate touched: months whose stats were rewritten, months whose trending terms were, and
   * the topic-months among those whose shown terms (the top {@value #SHOWN_TERMS}: what month pages show) changed.
   */
  public record Touched(SortedSet<String> months, SortedSet<String> trendingMonths,
                        SortedSet<TopicMonth> shownTermsChanged) {}

  /** How many of a month's trending terms its pages show. */
  public static final int SHOWN_TERMS = 10;

  private static StampedStage stamped(StageContext ctx, Coverage coverage) {
    return StampedStage.named(STAMP)
        .reads(Catalog.PAPERS, Catalog.VERSIONS, Catalog.ASSIGNMENTS, Catalog.LISTINGS)
        .key(ctx.topics())
        .writes(OUTPUTS)
        .covering(coverage);
  }

  /**
   * Writes the months of the context's range. A run of every month whose inputs did not change since the datasets
   * were written keeps them; a bounded run (a backfill) recomputes its months in any case.
   */
  public static void run(StageContext ctx) {
    MonthRange range = ctx.range();
    stamped(ctx, range.isAll() ? Coverage.WHOLE : Coverage.RANGE).run(ctx, stamp -> null, () -> {
      AggregateInputs in = AggregateInputs.read(ctx);
      // Side by side: the stats are many small jobs, trending terms a few large ones.
      Stages.concurrently(() -> writeStats(ctx, in, range),
          () -> TrendingStep.write(ctx, in, range, withBaselines(in.listings(), range)));
      return Computed.of(null);
    });
  }

  /**
   * The listings the trending terms of {@code range} read: its months and the {@value TrendingTerms.BASELINE_MONTHS}
   * before its first, so that a one-month backfill tokenizes 13 months of papers, not 35 years.
   */
  static Dataset<Row> withBaselines(Dataset<Row> listings, MonthRange range) {
    Dataset<Row> kept = listings;
    if (range.from() != null) {
      kept = kept.filter(col(Columns.MONTH).geq(MonthRange.shift(range.from(), -TrendingTerms.BASELINE_MONTHS)));
    }
    if (range.to() != null) {
      kept = kept.filter(col(Columns.MONTH).leq(range.to()));
    }
    return kept;
  }

  /**
   * Writes only the months that changed: those of {@code listingsChanged} and those whose topic or category stats
   * differ from the datasets in place. Returns null, after a full {@link #run}, when a dataset in place has no
   * manifest to trust.
   */
  public static Touched runIncremental(StageContext ctx, Changes listingsChanged) {
    for (Catalog d : OUTPUTS) {
      if (Manifests.read(ctx.conf(), ctx.path(d)) == null) {
        run(ctx);
        return null;
      }
    }
    // Some months rewritten from new inputs, the others not: the datasets are of no single key afterwards.
    return stamped(ctx, Coverage.CHANGES).run(ctx,
        stamp -> new Touched(new TreeSet<>(), new TreeSet<>(), new TreeSet<>()),
        () -> Computed.of(rewriteChanged(ctx, listingsChanged)));
  }

  private static Touched rewriteChanged(StageContext ctx, Changes listingsChanged) {
    MonthRange range = ctx.range();
    AggregateInputs in = AggregateInputs.read(ctx);
    var months = new TreeSet<>(listingsChanged.months());
    SortedSet<String> merged = MergedIds.months(ctx);
    // Trending terms of a month compare its listings with the 12 months' before it: a month whose listings changed
    // moves the 12 after it too (counts alone do not: the terms read the listings only).
    var trendingMonths = new TreeSet<String>();
    var inputMonths = new TreeSet<String>();
    for (String m : listingsChanged.months()) {
      for (int i = 0; i <= TrendingTerms.BASELINE_MONTHS; i++) {
        trendingMonths.add(MonthRange.shift(m, i));
      }
    }
    for (String m : trendingMonths) {
      for (int i = 0; i <= TrendingTerms.BASELINE_MONTHS; i++) {
        inputMonths.add(MonthRange.shift(m, -i));
      }
    }
    MonthRange trending = range.restrictedTo(trendingMonths);
    var shownChanged = new TreeSet<TopicMonth>();
    // The stats and the trending terms side by side (neither reads what the other writes); each fills its own set.
    Stages.concurrently(() -> {
      if (merged != null) {
        // A merge: a month's counts can change only where a paper it changed had or has a version; those months'
        // counts are written without comparing them with the datasets in place.
        months.addAll(merged);
        writeStats(ctx, in, range.restrictedTo(months));
      } else {
        compareAndWriteStats(ctx, in, range, months);
      }
    }, () -> {
      Map<TopicMonth, List<String>> shownBefore = shownTerms(ctx, trending);
      TrendingStep.write(ctx, in, trending, in.listings().filter(col(Columns.MONTH).isin(inputMonths.toArray())));
      Map<TopicMonth, List<String>> shownAfter = shownTerms(ctx, trending);
      for (TopicMonth tm : union(shownBefore.keySet(), shownAfter.keySet())) {
        if (!java.util.Objects.equals(shownBefore.get(tm), shownAfter.get(tm))) {
          shownChanged.add(tm);
        }
      }
    });
    return new Touched(range.restrictedTo(months).only(), trending.only(), shownChanged);
  }

  /**
   * Adds to {@code months} the months of {@code range} whose topic or category counts differ from the datasets in
   * place (a month whose versions changed outside any topic is touched too), and writes the stats of all of them.
   */
  private static void compareAndWriteStats(StageContext ctx, AggregateInputs in, MonthRange range,
                                           SortedSet<String> months) {
    // The counts of every month, compared with the datasets in place (each side is read twice by exceptAll).
    Dataset<Row> topicStats = in.topicStats(ctx.topics(), range).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> categoryStats = in.categoryStats(range).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      var inRange = range.filter(col(Columns.MONTH));
      ctx.stages().run("aggregate.compare", () -> {
        months.addAll(changed(Aggregates.changedMonths(topicStats,
            readOld(ctx, Catalog.MONTHLY_TOPIC_STATS).filter(inRange))));
        months.addAll(changed(Aggregates.changedMonths(categoryStats,
            readOld(ctx, Catalog.MONTHLY_CATEGORY_STATS).filter(inRange))));
        return Map.of("months_compared", range.isAll() ? "all" : range.size(), "months_touched", months.size());
      });
      // Their stats (a month's depend on its own rows) are written from the counts just made.
      MonthRange touched = range.restrictedTo(months);
      Column inTouched = touched.filter(col(Columns.MONTH));
      writeStats(ctx, touched, topicStats.filter(inTouched), categoryStats.filter(inTouched));
    } finally {
      topicStats.unpersist();
      categoryStats.unpersist();
    }
  }

  /**
   * The shown trending terms (term, papers and label, by rank) of the range's topic-months, as the dataset holds
   * them: a few hundred rows per month, compared before and after a rewrite so that only pages whose terms moved
   * are rendered again.
   */
  private static Map<TopicMonth, List<String>> shownTerms(StageContext ctx, MonthRange range) {
    var out = new java.util.HashMap<TopicMonth, List<String>>();
    if (Manifests.read(ctx.conf(), ctx.path(Catalog.TRENDING_TERMS)) == null) {
      return out;
    }
    ctx.read(Catalog.TRENDING_TERMS)
        .filter(range.filter(col(Columns.MONTH)).and(col(Columns.RANK).leq(SHOWN_TERMS)))
        .select(Columns.TOPIC, Columns.MONTH, Columns.TERM, Columns.PAPERS_WITH_TERM, Columns.LABEL)
        .orderBy(Columns.TOPIC, Columns.MONTH, Columns.RANK)
        .collectAsList()
        .forEach(r -> out.computeIfAbsent(new TopicMonth(r.getString(0), r.getString(1)),
            k -> new java.util.ArrayList<>()).add(r.getString(2) + " (" + r.getLong(3) + ") " + r.getString(4)));
    return out;
  }

  private static <T extends Comparable<T>> SortedSet<T> union(java.util.Set<T> a, java.util.Set<T> b) {
    var all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void writeStats(StageContext ctx, AggregateInputs all, MonthRange range) {
    AggregateInputs in = all.forRange(range);
    try {
      writeStats(ctx, range, in.topicStats(ctx.topics(), range), in.categoryStats(range));
    } finally {
      if (in != all) {
        in.papers().unpersist();
      }
    }
  }

  /** Writes the topic and category stats of {@code range}. */
  private static void writeStats(StageContext ctx, MonthRange range, Dataset<Row> topicStats,
                                 Dataset<Row> categoryStats) {
    ctx.stages().run("aggregate.topic_stats", () -> {
      DatasetWriter.overwriteMonths(topicStats, ctx.path(Catalog.MONTHLY_TOPIC_STATS), range);
      return Map.of();
    });
    ctx.stages().run("aggregate.category_stats", () -> {
      DatasetWriter.overwriteMonths(categoryStats, ctx.path(Catalog.MONTHLY_CATEGORY_STATS), range);
      return Map.of();
    });
  }

  private static Dataset<Row> readOld(StageContext ctx, Catalog dataset) {
    return ctx.read(dataset).select(org.arxivdigest.schema.Schemas.columns(dataset.schema()));
  }

  private static SortedSet<String> changed(Dataset<Row> months) {
    var out = new TreeSet<String>();
    months.collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }
}
