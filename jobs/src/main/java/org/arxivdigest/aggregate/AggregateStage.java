package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.publish.MonthRange;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.schema.Schemas;

/**
 * Wires the aggregates: reads what ingest and classify wrote, writes the three monthly datasets partitioned by
 * month with dynamic partition overwrite, so that a backfill ({@code --from/--to}) rewrites only its months.
 * Trending terms of a month read the earlier months too, whatever the range.
 *
 * <p>An incremental run ({@link #runIncremental}) knows which listing partitions changed; it also recounts the
 * topic and category stats of every month (cheap: group-bys) and compares them with the datasets in place, so
 * that a month whose versions changed outside any topic is touched too. Only the touched months are written, and
 * trending terms are recomputed for them and the {@value Aggregates#BASELINE_MONTHS} months after each (whose
 * baseline they are part of).
 */
public final class AggregateStage {
  private AggregateStage() {}

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

  /** What an incremental aggregate touched: months whose stats were rewritten, months whose trending terms were. */
  public record Touched(SortedSet<String> months, SortedSet<String> trendingMonths) {}

  /**
   * Writes the months of {@code range}. A run of every month whose inputs did not change since the datasets were
   * written ({@link StageStamps}) keeps them; a bounded run (a backfill) recomputes its months in any case.
   */
  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, MonthRange range,
                         Stages stages) {
    var conf = spark.sparkContext().hadoopConfiguration();
    Inputs in = Inputs.read(spark, out);
    String key = key(conf, out, topics);
    StageStamps.Stamp before = StageStamps.matching(conf, out, STAMP, key, outputs(out));
    if (range.isAll() && stages.skip(STAMP, before)) {
      return;
    }
    StageStamps.clear(conf, out, STAMP);
    writeStats(in, out, topics, range, stages);
    writeTrending(in, out, range, withBaselines(in.listings(), range), stages);
    // The datasets are all of this key's if this run wrote every month, or if they were before it.
    if (range.isAll() || before != null) {
      StageStamps.write(conf, out, STAMP, key, spark.sparkContext().getLocalProperty(Manifests.RUN_ID_PROPERTY),
          outputs(out), Map.of());
    }
  }

  /** Its stamp ({@link StageStamps}): made from these four datasets and topics, by this build. */
  static final String STAMP = "aggregate";

  private static List<String> outputs(OutputLayout out) {
    return List.of(out.monthlyTopicStats(), out.monthlyCategoryStats(), out.trendingTerms());
  }

  private static String key(org.apache.hadoop.conf.Configuration conf, OutputLayout out, List<Topic> topics) {
    return StageStamps.key(STAMP, StageStamps.content(conf, out.papers()), StageStamps.content(conf, out.versions()),
        StageStamps.content(conf, out.assignments()), StageStamps.content(conf, out.listings()), topics);
  }

  /**
   * The listings the trending terms of {@code range} read: its months and the {@value Aggregates#BASELINE_MONTHS}
   * before its first, so that a one-month backfill tokenizes 13 months of papers, not 35 years.
   */
  static Dataset<Row> withBaselines(Dataset<Row> listings, MonthRange range) {
    Dataset<Row> kept = listings;
    if (range.from() != null) {
      kept = kept.filter(col(Columns.MONTH).geq(YearMonth.parse(range.from(), MONTH)
          .minusMonths(Aggregates.BASELINE_MONTHS).format(MONTH)));
    }
    if (range.to() != null) {
      kept = kept.filter(col(Columns.MONTH).leq(range.to()));
    }
    return kept;
  }

  /**
   * Writes only the months that changed: those of {@code listingsChanged} ({@code "topic/yyyy_mm"}) and those
   * whose topic or category stats differ from the datasets in place. Returns null, after a full {@link #run},
   * when a dataset in place has no manifest to trust.
   */
  public static Touched runIncremental(SparkSession spark, OutputLayout out, List<Topic> topics, MonthRange range,
                                       Collection<String> listingsChanged, Stages stages) {
    var conf = spark.sparkContext().hadoopConfiguration();
    if (Manifests.read(conf, out.monthlyTopicStats()) == null
        || Manifests.read(conf, out.monthlyCategoryStats()) == null
        || Manifests.read(conf, out.trendingTerms()) == null) {
      run(spark, out, topics, range, stages);
      return null;
    }
    if (stages.skip(STAMP, StageStamps.matching(conf, out, STAMP, key(conf, out, topics), outputs(out)))) {
      return new Touched(new TreeSet<>(), new TreeSet<>());
    }
    // Some months rewritten from new inputs, the others not: the datasets are of no single key afterwards.
    StageStamps.clear(conf, out, STAMP);
    Inputs in = Inputs.read(spark, out);
    var inRange = range.filter(col(Columns.MONTH));
    var months = new TreeSet<String>();
    listingsChanged.forEach(k -> months.add(k.substring(k.indexOf('/') + 1)));
    // The counts of every month, compared with the datasets in place (each side is read twice by exceptAll).
    Dataset<Row> topicStats = in.topicStats(topics, range).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> categoryStats = in.categoryStats(range).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      stages.run("aggregate.compare", () -> {
        months.addAll(changed(Aggregates.changedMonths(topicStats,
            readOld(spark, out.monthlyTopicStats(), Schemas.MONTHLY_TOPIC_STATS).filter(inRange))));
        months.addAll(changed(Aggregates.changedMonths(categoryStats,
            readOld(spark, out.monthlyCategoryStats(), Schemas.MONTHLY_CATEGORY_STATS).filter(inRange))));
        return Map.of("months_touched", months.size());
      });
    } finally {
      topicStats.unpersist();
      categoryStats.unpersist();
    }
    writeStats(in, out, topics, range.restrictedTo(months), stages);
    // Trending terms of a month compare it with the 12 before it: a touched month moves the 12 after it too.
    var trendingMonths = new TreeSet<String>();
    var inputMonths = new TreeSet<String>();
    for (String m : months) {
      YearMonth ym = YearMonth.parse(m, MONTH);
      for (int i = 0; i <= Aggregates.BASELINE_MONTHS; i++) {
        trendingMonths.add(ym.plusMonths(i).format(MONTH));
      }
    }
    for (String m : trendingMonths) {
      YearMonth ym = YearMonth.parse(m, MONTH);
      for (int i = 0; i <= Aggregates.BASELINE_MONTHS; i++) {
        inputMonths.add(ym.minusMonths(i).format(MONTH));
      }
    }
    MonthRange trending = range.restrictedTo(trendingMonths);
    writeTrending(in, out, trending, in.listings().filter(col(Columns.MONTH).isin(inputMonths.toArray())), stages);
    return new Touched(range.restrictedTo(months).only(), trending.only());
  }

  private static void writeStats(Inputs all, OutputLayout out, List<Topic> topics, MonthRange range,
                                 Stages stages) {
    Inputs in = all.forRange(range);
    try {
      stages.run("aggregate.topic_stats", () -> {
        DatasetWriter.overwriteMonths(in.topicStats(topics, range), out.monthlyTopicStats(), range);
        return Map.of();
      });
      stages.run("aggregate.category_stats", () -> {
        DatasetWriter.overwriteMonths(in.categoryStats(range), out.monthlyCategoryStats(), range);
        return Map.of();
      });
    } finally {
      if (in != all) {
        in.papers().unpersist();
      }
    }
  }

  private static void writeTrending(Inputs in, OutputLayout out, MonthRange range, Dataset<Row> listings,
                                    Stages stages) {
    stages.run("aggregate.trending_terms", () -> {
      Column inRange = range.filter(col(Columns.MONTH));
      Aggregates.Idf idf = termIdf(in, out, stages);
      // A short range's candidates (thousands of rows) are written once to the run's work folder and read twice,
      // so that only their terms' rows are read from the IDF table (no shuffle of its millions of rows).
      var conf = in.spark().sparkContext().hadoopConfiguration();
      String work = shortRange(range)
          ? out.work(in.spark().sparkContext().getLocalProperty(Manifests.RUN_ID_PROPERTY)) : null;
      try {
        Dataset<Row> trending;
        if (work == null) {
          trending = Aggregates.trendingTerms(listings, idf, range.first());
        } else {
          String dir = work + "/trending_candidates";
          DatasetWriter.replaceIntermediate(Aggregates.risingCandidates(listings, idf, range.first()), dir);
          Dataset<Row> candidates = in.spark().read().schema(RisingTerms.SCHEMA).parquet(dir);
          trending = Aggregates.ranked(candidates, Aggregates.idfOf(candidates, idf.terms()), idf.unseen());
        }
        DatasetWriter.overwriteMonths(trending.filter(inRange), out.trendingTerms(), range);
      } finally {
        if (work != null) {
          HadoopFiles.deleteRecursively(conf, work); // the run's work folder, as ingest leaves it
        }
      }
      var counts = new LinkedHashMap<String, Object>();
      if (range.only() != null) {
        counts.put("months", range.only().size());
      }
      return counts;
    });
  }

  /** Ranges of at most this many months read only their own papers' rows for their stats. */
  static final int SHORT_RANGE_MONTHS = 24;

  /**
   * A range whose topic and category stats read only the papers and assignments of its own versions
   * ({@link Inputs#forRange}) and whose trending terms read only their candidates' rows of the IDF table
   * ({@link Aggregates#idfOf}): bounded, and at most {@value #SHORT_RANGE_MONTHS} months long.
   */
  static boolean shortRange(MonthRange range) {
    return range.size() >= 0 && range.size() <= SHORT_RANGE_MONTHS;
  }

  /** The stamp of the kept IDF table of trending terms. */
  static final String IDF_STAMP = "term_idf";

  /**
   * The IDF of trending terms ({@link Aggregates#idf}), kept in {@code _state/term_idf} under a stamp keyed by the
   * papers' content: it depends on nothing else, so a backfill or an incremental run whose papers did not change
   * reads it instead of tokenizing the sample again. Removed before it is rewritten, stamped after: a crash in
   * between leaves no table to trust ({@link StageStamps#kept}). Papers without a manifest are never trusted: then
   * it is computed and not stamped; {@code --recompute} computes it again too.
   */
  static Aggregates.Idf termIdf(Inputs in, OutputLayout out, Stages stages) {
    SparkSession spark = in.spark();
    var conf = spark.sparkContext().hadoopConfiguration();
    String papers = StageStamps.content(conf, out.papers());
    String dir = StageStamps.folder(out, IDF_STAMP);
    return StageStamps.kept(conf, out, stages, IDF_STAMP,
        papers.equals(Manifests.INCOMPLETE) ? null : StageStamps.key(IDF_STAMP, papers, Aggregates.IDF_SAMPLE),
        spark.sparkContext().getLocalProperty(Manifests.RUN_ID_PROPERTY),
        facts -> facts.get(UNSEEN) instanceof Number unseen
            ? new Aggregates.Idf(spark.read().parquet(dir), unseen.doubleValue()) : null,
        () -> {
          Aggregates.Idf idf = Aggregates.idf(in.papers());
          DatasetWriter.replaceIntermediate(idf.terms(), dir);
          return new StageStamps.Computed<>(new Aggregates.Idf(spark.read().parquet(dir), idf.unseen()),
              Map.of(UNSEEN, idf.unseen()));
        }).value();
  }

  private static final String UNSEEN = "unseen_idf";

  private static Dataset<Row> readOld(SparkSession spark, String dir, StructType schema) {
    return spark.read().schema(schema).parquet(dir).select(Schemas.columns(schema));
  }

  private static SortedSet<String> changed(Dataset<Row> months) {
    var out = new TreeSet<String>();
    months.collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  /** The datasets the aggregates read. */
  private record Inputs(SparkSession spark, Dataset<Row> papers, Dataset<Row> versions, Dataset<Row> assignments,
                        Dataset<Row> listings) {
    static Inputs read(SparkSession spark, OutputLayout out) {
      var conf = spark.sparkContext().hadoopConfiguration();
      HadoopFiles.requireDataset(conf, out.papers(), "ingest");
      HadoopFiles.requireDataset(conf, out.versions(), "ingest");
      HadoopFiles.requireDataset(conf, out.assignments(), "classify");
      HadoopFiles.requireDataset(conf, out.listings(), "classify");
      return new Inputs(spark, spark.read().parquet(out.papers()), spark.read().parquet(out.versions()),
          spark.read().parquet(out.assignments()), spark.read().parquet(out.listings()));
    }

    /**
     * The inputs of the stats of {@code range}. A short range ({@link #shortRange}: a backfill's month is thousands
     * of papers out of millions) gets its own papers and assignments only, picked out of the scans once: the ids of
     * its versions are broadcast into them; the papers' few columns the stats read are kept, since both stats
     * read them (unpersist them after). Any other range: these inputs.
     */
    Inputs forRange(MonthRange range) {
      if (!shortRange(range)) {
        return this;
      }
      Dataset<Row> ids = broadcast(versions.filter(range.filter(col(Columns.MONTH))).select(Columns.ID).distinct());
      String[] id = {Columns.ID};
      return new Inputs(spark, papers.select(Columns.ID, Columns.FIRST_VERSION_AT, Columns.CATEGORIES,
              Columns.PRIMARY_CATEGORY).join(ids, id, "left_semi").persist(StorageLevel.MEMORY_AND_DISK()),
          versions, assignments.join(ids, id, "left_semi"), listings);
    }

    Dataset<Row> topicStats(List<Topic> topics, MonthRange range) {
      var inRange = range.filter(col(Columns.MONTH));
      return Aggregates.monthlyTopicStats(spark, assignments, papers, versions.filter(inRange),
          listings.filter(inRange), topics);
    }

    Dataset<Row> categoryStats(MonthRange range) {
      return Aggregates.monthlyCategoryStats(papers, versions.filter(range.filter(col(Columns.MONTH))));
    }
  }
}
