package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.arxivdigest.normalize.Categories;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.config.Topic;
import org.arxivdigest.schema.Schemas;

/**
 * The monthly aggregates analysts read: per topic, per category, and the trending terms of a topic's month. Each
 * is a {@code Dataset -> Dataset} over the datasets of the earlier stages; all work happens on the executors.
 */
public final class Aggregates {
  private Aggregates() {}

  /** How many earlier months a month's trending terms are compared with. */
  public static final int BASELINE_MONTHS = 12;
  /** Terms per topic and month in {@code trending_terms}. */
  public static final int TOP_TERMS = 25;
  /** A term must be in at least this many of the month's papers to trend (one paper is not a trend). */
  public static final int MIN_TERM_PAPERS = 3;

  private static final String IS_NEW = "_is_new";
  private static final String CHOSEN = "_chosen_method";
  private static final String CORPUS_DF = "_corpus_df";
  private static final String SHARE = RisingTerms.SHARE;
  private static final String PREV_SHARES = RisingTerms.PREV_SHARES;

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
    Column id = col(ID);
    Dataset<Row> byMethod = assignments.select(TOPIC, ID, METHOD).dropDuplicates(TOPIC, ID, METHOD)
        .join(versionsWithNew(versions, papers), ID)
        .groupBy(TOPIC, MONTH, METHOD)
        .agg(countDistinct(when(col(IS_NEW), id)).as(NEW_PAPERS),
            countDistinct(when(not(col(IS_NEW)), id)).as(UPDATED_PAPERS),
            count(lit(1)).as(VERSIONS_IN_MONTH),
            countDistinct(id).as(DISTINCT_PAPERS));
    var chosen = new ArrayList<Row>();
    topics.forEach(t -> chosen.add(RowFactory.create(t.slug(), t.method().code())));
    Dataset<Row> listed = listings.groupBy(TOPIC, MONTH)
        .agg(count(lit(1)).as(LISTED_ENTRIES), countDistinct(id).as(LISTED_PAPERS))
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

  /** Papers the IDF of {@link #trendingTerms} is estimated from, at most (a deterministic sample by id hash). */
  public static final long IDF_SAMPLE = 100_000;

  /**
   * Every paper's terms' inverse document frequency, {@code ln((n + 1) / (df + 1)) + 1}, estimated on a sample of
   * about {@link #IDF_SAMPLE} papers chosen by a hash of the id (all papers when there are fewer): common words
   * weigh little whatever the topic, and the cost stays bounded on the full dump.
   */
  record Idf(Dataset<Row> terms, double unseen) {}

  /** A paper's (title, abstract) to its distinct terms. */
  private static final class PaperTerms implements FlatMapFunction<Row, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Row paper) {
      return DocumentTerms.of(paper.getString(0), paper.getString(1)).iterator();
    }
  }

  static Idf idf(Dataset<Row> papers) {
    long total = papers.count();
    long every = Math.max(1, (total + IDF_SAMPLE - 1) / IDF_SAMPLE);
    Dataset<Row> sample = papers.select(ID, TITLE, ABSTRACT)
        .filter(pmod(xxhash64(col(ID)), lit(every)).equalTo(0));
    long n = every == 1 ? total : sample.count();
    Dataset<Row> terms = sample.select(TITLE, ABSTRACT)
        .flatMap(new PaperTerms(), Encoders.STRING()).toDF(TERM);
    return new Idf(terms.groupBy(TERM).agg(count(lit(1)).as(CORPUS_DF))
        .withColumn(IDF, log(lit((double) n + 1).divide(col(CORPUS_DF).plus(1))).plus(1))
        .select(TERM, IDF), Math.log(n + 1.0) + 1);
  }

  /**
   * The terms (1- and 2-grams of title and abstract, stop words removed, as the models read them) whose weight in
   * a topic's month rose most against the mean weight in up to {@link #BASELINE_MONTHS} earlier months of the
   * topic that have papers ({@link Schemas#TRENDING_TERMS}; {@code baseline_months} says how many; a topic's first
   * month has nothing to rise against and gets no rows, nor does a term that did not rise). Weight of a term in a
   * month: the share of the month's papers using it times the term's IDF over the corpus ({@link #idf} of
   * {@code papers}); terms the sample never saw get the highest IDF. Only the months of {@code listings} are read:
   * a caller that wants some months passes their listings and those of the 12 months before each, and keeps the
   * rows of its months.
   *
   * <p>The text is the listings' own (a listing row carries its paper's title and abstract), so the papers are not
   * read again. A paper with two versions in a topic's month is one document, its newest version's. The documents
   * go to their topic's partition once, sorted by month; {@link RisingTerms} counts each month's terms there and
   * keeps the counts of the 12 months before it, so only the terms that reach {@link #MIN_TERM_PAPERS} papers and
   * rose meet the IDF and the rank.
   */
  public static Dataset<Row> trendingTerms(Dataset<Row> listings, Dataset<Row> papers) {
    return trendingTerms(listings, idf(papers));
  }

  /** As {@link #trendingTerms(Dataset, Dataset)} with the IDF at hand. */
  static Dataset<Row> trendingTerms(Dataset<Row> listings, Idf idf) {
    return trendingTerms(listings, idf, null);
  }

  /**
   * As {@link #trendingTerms(Dataset, Idf)}, with rows only for {@code firstMonth} ({@code yyyy_MM}) and after:
   * the earlier months of {@code listings} are read as baselines only (a backfill's 12 months before its range).
   */
  static Dataset<Row> trendingTerms(Dataset<Row> listings, Idf idf, String firstMonth) {
    return ranked(risingCandidates(listings, idf, firstMonth), idf.terms(), idf.unseen());
  }

  /**
   * The first half of {@link #trendingTerms(Dataset, Idf, String)}: the rising terms of each topic's month
   * ({@link RisingTerms#SCHEMA}), before they meet the IDF. The documents go to their topic's partition once,
   * sorted by month.
   */
  static Dataset<Row> risingCandidates(Dataset<Row> listings, Idf idf, String firstMonth) {
    Dataset<Row> docs = listings.select(TOPIC, MONTH, ID, VERSION, TITLE, ABSTRACT)
        .repartition(col(TOPIC))
        .sortWithinPartitions(col(TOPIC), col(MONTH), col(ID), col(VERSION).desc());
    return docs.select(TOPIC, MONTH, ID, TITLE, ABSTRACT)
        .mapPartitions(new RisingTerms(idf.unseen(), firstMonth), Encoders.row(RisingTerms.SCHEMA));
  }

  /**
   * The rows of an IDF table ({@link Idf#terms}) for the terms of {@code candidates} only: their distinct terms
   * are broadcast into the table's scan. For a few months' candidates (a backfill), so that the join in
   * {@link #ranked} does not shuffle the whole table (millions of terms) to meet a few thousand. The caller
   * materializes {@code candidates} first (they are read twice: here and in the join).
   */
  static Dataset<Row> idfOf(Dataset<Row> candidates, Dataset<Row> idfTerms) {
    return idfTerms.join(broadcast(candidates.select(TERM).distinct()), List.of(TERM).toArray(String[]::new),
        "left_semi");
  }

  /**
   * The second half of {@link #trendingTerms(Dataset, Idf, String)}: each candidate weighed with its term's IDF
   * ({@code unseen} when the table lacks it), scored against its baseline, the top {@link #TOP_TERMS} of a topic's
   * month kept.
   */
  static Dataset<Row> ranked(Dataset<Row> candidates, Dataset<Row> idfTerms, double unseen) {
    Column termIdf = coalesce(col(IDF), lit(unseen));
    Column weight = bround(col(SHARE).multiply(termIdf), 6);
    // Rounded as the weight is: the score compares the two.
    Column baseline = bround(col(PREV_SHARES).multiply(termIdf).divide(col(BASELINE_MONTHS_COL)), 6);
    Dataset<Row> scored = candidates
        .join(idfTerms, List.of(TERM).toArray(String[]::new), "left")
        .withColumn(WEIGHT, weight)
        .withColumn(BASELINE_WEIGHT, baseline)
        .withColumn(SCORE, bround(col(WEIGHT).minus(col(BASELINE_WEIGHT)), 6));
    return scored
        .withColumn(RANK, row_number().over(Window.partitionBy(TOPIC, MONTH)
            .orderBy(col(SCORE).desc(), col(PAPERS_WITH_TERM).desc(), col(TERM))))
        .filter(col(RANK).leq(TOP_TERMS).and(col(SCORE).gt(0)))
        .select(Schemas.columns(Schemas.TRENDING_TERMS));
  }
}
