package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.config.Topic;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.schema.Catalog;
import org.arxivdigest.schema.Columns;

/** The datasets the aggregates read. */
record AggregateInputs(SparkSession spark, Dataset<Row> papers, Dataset<Row> versions, Dataset<Row> assignments,
                       Dataset<Row> listings) {

  /** Ranges of at most this many months read only their own papers' rows for their stats. */
  static final int SHORT_RANGE_MONTHS = 24;

  static AggregateInputs read(StageContext ctx) {
    return new AggregateInputs(ctx.spark(), ctx.read(Catalog.PAPERS), ctx.read(Catalog.VERSIONS),
        ctx.read(Catalog.ASSIGNMENTS), ctx.read(Catalog.LISTINGS));
  }

  /**
   * A range whose topic and category stats read only the papers and assignments of its own versions
   * ({@link #forRange}): bounded, and at most {@value #SHORT_RANGE_MONTHS} months long.
   */
  static boolean shortRange(MonthRange range) {
    return range.isAtMost(SHORT_RANGE_MONTHS);
  }

  /**
   * The inputs of the stats of {@code range}. A short range ({@link #shortRange}: a backfill's month is thousands
   * of papers out of millions) gets its own papers and assignments only, picked out of the scans once: the ids of
   * its versions are broadcast into them; the papers' few columns the stats read are kept, since both stats
   * read them (unpersist them after). Any other range: these inputs.
   */
  AggregateInputs forRange(MonthRange range) {
    if (!shortRange(range)) {
      return this;
    }
    Dataset<Row> inRange = versions.filter(range.filter(col(Columns.MONTH)));
    Dataset<Row> ids = broadcast(inRange.select(Columns.ID).distinct());
    String[] id = {Columns.ID};
    // Only the partitions (years of the ids) where those papers are: a nightly merge's months name a few years.
    Object[] years = Ids.years(inRange).toArray();
    return new AggregateInputs(spark, papers.filter(col(Columns.ID_YEAR).isin(years)).select(Columns.ID,
            Columns.FIRST_VERSION_AT, Columns.CATEGORIES, Columns.PRIMARY_CATEGORY).join(ids, id, "left_semi")
            .persist(StorageLevel.MEMORY_AND_DISK()),
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
