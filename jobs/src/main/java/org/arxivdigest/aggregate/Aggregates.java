package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.List;
import org.arxivdigest.normalize.Categories;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.schema.Schemas;

/**
 * The monthly aggregates analysts read: per topic and per category (trending terms: {@link TrendingTerms}). Each
 * is a {@code Dataset -> Dataset} over the datasets of the earlier stages; all work happens on the executors.
 */
public final class Aggregates {
  private Aggregates() {}

  private static final String IS_NEW = "_is_new";
  private static final String CHOSEN = "_chosen_method";
  private static final String HAS_NEW = "_has_new";
  private static final String HAS_LATER = "_has_later";
  private static final String PAPER_VERSIONS = "_paper_versions";

  /** A version row is a paper's first when it was submitted at the paper's first version time. */
  private static Dataset<Row> versionsWithNew(Dataset<Row> versions, Dataset<Row> papers, String... paperColumns) {
    var cols = new ArrayList<String>(List.of(ID, FIRST_VERSION_AT));
    cols.addAll(List.of(paperColumns));
    return versions.select(ID, SUBMITTED_AT, MONTH)
        .join(papers.select(cols.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)), ID)
        .withColumn(IS_NEW, col(SUBMITTED_AT).equalTo(col(FIRST_VERSION_AT)));
  }

  /**
   * Per topic, month and assignment method ({@link Schemas#MONTHLY_TOPIC_STATS}): papers with their first version
   * in the month, papers with a later version in it, versions, distinct papers; and, on the row of the method the
   * topic's pages use, the entries and papers its pages list for the month (null on the other methods' rows).
   */
  public static Dataset<Row> monthlyTopicStats(SparkSession spark, Dataset<Row> assignments, Dataset<Row> papers,
                                               Dataset<Row> versions, Dataset<Row> listings, List<Topic> topics) {
    // Each paper's rows first (one per topic, month, method and paper), then the papers: two plain aggregations
    // instead of three distinct counts, which Spark plans as an Expand of every row into four and two shuffles.
    Dataset<Row> byMethod = assignments.select(TOPIC, ID, METHOD).dropDuplicates(TOPIC, ID, METHOD)
        .join(versionsWithNew(versions, papers), ID)
        .groupBy(TOPIC, MONTH, METHOD, ID)
        .agg(functions.max(col(IS_NEW)).as(HAS_NEW), functions.max(not(col(IS_NEW))).as(HAS_LATER),
            count(lit(1)).as(PAPER_VERSIONS))
        .groupBy(TOPIC, MONTH, METHOD)
        .agg(count(when(col(HAS_NEW), lit(1))).as(NEW_PAPERS),
            count(when(col(HAS_LATER), lit(1))).as(UPDATED_PAPERS),
            coalesce(sum(col(PAPER_VERSIONS)), lit(0L)).as(VERSIONS_IN_MONTH),
            count(lit(1)).as(DISTINCT_PAPERS));
    var chosen = new ArrayList<Row>();
    topics.forEach(t -> chosen.add(RowFactory.create(t.slug(), t.method().code())));
    Dataset<Row> listed = listings.groupBy(TOPIC, MONTH, ID).agg(count(lit(1)).as(PAPER_VERSIONS))
        .groupBy(TOPIC, MONTH)
        .agg(sum(col(PAPER_VERSIONS)).as(LISTED_ENTRIES), count(lit(1)).as(LISTED_PAPERS))
        .join(spark.createDataFrame(chosen, new StructType().add(TOPIC, DataTypes.StringType, false)
            .add(CHOSEN, DataTypes.StringType, false)), TOPIC)
        .withColumnRenamed(CHOSEN, METHOD);
    return byMethod.join(listed, List.of(TOPIC, MONTH, METHOD).toArray(String[]::new), "left")
        .select(Schemas.columns(Schemas.MONTHLY_TOPIC_STATS));
  }

  /**
   * Per category (cross-lists included) and month ({@link Schemas#MONTHLY_CATEGORY_STATS}): new papers (first
   * version in the month), of which with the category as primary, and versions submitted.
   */
  public static Dataset<Row> monthlyCategoryStats(Dataset<Row> papers, Dataset<Row> versions) {
    Column category = col(CATEGORY);
    return versionsWithNew(versions, papers, CATEGORIES, PRIMARY_CATEGORY)
        .withColumn(CATEGORY, explode(col(CATEGORIES)))
        .groupBy(CATEGORY, MONTH)
        .agg(count(when(col(IS_NEW), lit(1))).as(NEW_PAPERS),
            count(when(col(IS_NEW).and(category.equalTo(col(PRIMARY_CATEGORY))), lit(1))).as(NEW_PRIMARY_PAPERS),
            count(lit(1)).as(VERSIONS_IN_MONTH))
        .withColumn(ARCHIVE, Categories.archive(category))
        .select(Schemas.columns(Schemas.MONTHLY_CATEGORY_STATS));
  }

  /**
   * The months (one column, {@code month}, distinct) in which two versions of a monthly dataset differ: a row in
   * one and not the other, counted with multiplicity. Both sides in the same columns.
   */
  public static Dataset<Row> changedMonths(Dataset<Row> fresh, Dataset<Row> old) {
    Column[] columns = java.util.Arrays.stream(fresh.columns()).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> before = old.select(columns);
    return fresh.exceptAll(before).unionByName(before.exceptAll(fresh)).select(MONTH).distinct();
  }
}
