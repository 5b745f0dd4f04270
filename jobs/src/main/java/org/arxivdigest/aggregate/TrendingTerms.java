package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.bround;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.spark.sql.functions;
import org.arxivdigest.config.Topic;
import org.arxivdigest.schema.Schemas;

/**
 * The trending terms of a topic's month ({@link Schemas#TRENDING_TERMS}): the 1- and 2-grams of title and abstract
 * (stop words removed, as the models read them) whose use in the month's papers rose most against the topic's
 * months among the {@value #BASELINE_MONTHS} before it, ranked by the z-score of the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin' Words", eq. 16 to 22).
 *
 * <p>A term's counts are its papers (a paper counts a term once): {@code y} in the month and in the baseline, out
 * of {@code n}, the term occurrences of each. The prior is the corpus ({@link TermPrior}): {@code a = A0 * (df + 1)
 * / total} with {@code A0 = }{@value #PRIOR_STRENGTH}, so a rare term needs more papers to score than a common one.
 * <pre>
 *   log_odds_ratio = ln((y_m + a) / (n_m + A0 - y_m - a)) - ln((y_b + a) / (n_b + A0 - y_b - a))
 *   score          = log_odds_ratio / sqrt(1 / (y_m + a) + 1 / (y_b + a))
 * </pre>
 * A term trends when its score is at least {@value #MIN_SCORE} (the month's rise is unlikely to be chance) and the
 * topic's use of it (the month and its baseline) against the corpus scores at least {@value #MIN_TOPIC_SCORE} by
 * the same formula: a term of the topic, not a word every field drifts on. Also left out: terms in fewer than
 * {@value #MIN_TERM_PAPERS} of the month's papers; months with fewer than {@value #MIN_MONTH_PAPERS} papers, or a
 * baseline of fewer than {@value #MIN_BASELINE_PAPERS} (they have no trending terms: too few papers to tell a trend
 * from chance); common terms ({@link TermPrior}); the topic's keywords ({@link TopicTerms}); terms not shaped like a
 * noun phrase ({@link WordClasses}: "reliably", "jointly optimizes", "across timesteps"), since a trending term is
 * to name a method, model, dataset, task or object; a word when a trending 2-gram with it is in at least half
 * as many papers (the phrase says it: "test time" over "test"); and of two trending terms that differ only by the
 * plural of their last word ("judge" and "judges", "video generator" and "video generators"), the one that scores
 * lower: one row per thing named. A term its papers nearly always write inside one longer phrase is shown as
 * that phrase, or left out when the phrase is not a noun phrase ({@link TermPhrases}: "hop qa" as "multi hop qa");
 * last, a term a sentence encoder reads as naming nothing is left out ({@link UnnamedTerms}: "final answer").
 * The thresholds were chosen on the months 2025_06 to 2026_01 of the recent papers and checked on the six after
 * them ({@code docs/trending-terms.md}); the noun-phrase shape was developed on those six and tested on held-out
 * topics ({@code docs/trending-eval.md}).
 */
public final class TrendingTerms {
  private TrendingTerms() {}

  /** How many earlier months a month's trending terms are compared with. */
  public static final int BASELINE_MONTHS = 12;
  /** Terms per topic and month, at most. */
  public static final int TOP_TERMS = 25;
  /** Terms per topic and month looked up in their papers ({@link TermPhrases}), which may leave some out. */
  static final int SHOWN_TERMS = 2 * TOP_TERMS;
  /** A term must be in at least this many of the month's papers to trend. */
  public static final int MIN_TERM_PAPERS = 5;
  /** A month with fewer papers in the topic has no trending terms. */
  public static final int MIN_MONTH_PAPERS = 20;
  /** A month whose baseline months have fewer papers in all has no trending terms. */
  public static final int MIN_BASELINE_PAPERS = 50;
  /** {@code A0}: the weight of the corpus prior, in term occurrences. */
  static final double PRIOR_STRENGTH = 1000;
  /** The least score of a trending term: a one-sided 97.5% rise. */
  static final double MIN_SCORE = 1.96;
  /** The least score of the topic's use of a term against the corpus. */
  static final double MIN_TOPIC_SCORE = 5;
  /** A word gives way to a trending 2-gram with it that is in at least this share of the word's papers. */
  static final double PHRASE_SHARE = 0.5;

  private static final String TOPIC_SCORE = "_topic_score";
  private static final String WORD = "_word";
  private static final String PHRASE_PAPERS = "_phrase_papers";
  private static final String IS_PHRASE = "_is_phrase";
  private static final String WORD_POSITION = "_word_position";
  private static final String SINGULAR = "_singular";
  private static final String SINGULAR_RANK = "_singular_rank";

  /**
   * A term with its last word made singular by Lucene's minimal English stemmer (Harman's S-stemmer: "judges" to
   * "judge", "trajectories" to "trajectory", "vlms" to "vlm"; "focus", "class" as they are): the key under which a
   * term and its plural are one. A key only, never shown.
   */
  static final class Singular implements UDF1<String, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String call(String term) {
      int space = term.lastIndexOf(' ');
      char[] last = term.substring(space + 1).toCharArray();
      int length = new EnglishMinimalStemmer().stem(last, last.length);
      return term.substring(0, space + 1) + new String(last, 0, length);
    }
  }

  /** {@link Singular} as a column function: the key of a word or term and its plural. */
  static final UserDefinedFunction SINGULAR_OF = udf(new Singular(), DataTypes.StringType)
      .asNonNullable();

  /** Per topic slug, the terms its keywords leave out. */
  static Map<String, TopicTerms> keywords(List<Topic> topics) {
    var out = new HashMap<String, TopicTerms>();
    topics.forEach(t -> out.put(t.slug(), TopicTerms.of(t)));
    return out;
  }

  /**
   * The trending terms of every topic's month in {@code listings} (topic, month, id, version, title, abstract)
   * from {@code firstMonth} ({@code yyyy_MM}; null for all) on: the earlier months are read as baselines only. A
   * caller that wants some months passes their listings and those of the 12 months before each.
   *
   * <p>The text is the listings' own (a listing row carries its paper's title and abstract), so the papers are not
   * read again. A paper with two versions in a topic's month is one document, its newest version's. The documents
   * go to their topic's partition once, sorted by month, where {@link TermCounts} counts them.
   *
   * <p>{@code keep} is given the scored terms (at most {@link #SHOWN_TERMS} a month) and returns them kept, since
   * {@link TermPhrases} reads them twice: the job writes them to its work folder and reads them back, so that the
   * papers are counted and the terms scored once; a few test rows can pass them on as they are.
   */
  public static Dataset<Row> of(Dataset<Row> listings, TermPrior prior, List<Topic> topics, String firstMonth,
                                UnaryOperator<Dataset<Row>> keep) {
    return phrased(keep.apply(ranked(candidates(listings, topics, firstMonth), prior.terms(), prior, SHOWN_TERMS)),
        listings, topics, firstMonth);
  }

  /**
   * The last step of {@link #of}: {@code ranked} (the first {@link #SHOWN_TERMS} of each month, kept: it is read
   * twice) with its terms
   * shown as their papers write them ({@link TermPhrases}), cut to the top {@link #TOP_TERMS}.
   */
  static Dataset<Row> phrased(Dataset<Row> ranked, Dataset<Row> listings, List<Topic> topics, String firstMonth) {
    Dataset<Row> months = firstMonth == null ? listings : listings.filter(col(MONTH).geq(firstMonth));
    return TermPhrases.of(ranked, months, topics).filter(col(RANK).leq(TOP_TERMS));
  }

  /** The first half of {@link #of}: the counts of the terms that can trend ({@link TermCounts#SCHEMA}). */
  static Dataset<Row> candidates(Dataset<Row> listings, List<Topic> topics, String firstMonth) {
    Dataset<Row> docs = listings.select(TOPIC, MONTH, ID, VERSION, TITLE, ABSTRACT)
        .repartition(col(TOPIC))
        .sortWithinPartitions(col(TOPIC), col(MONTH), col(ID), col(VERSION).desc());
    return docs.select(TOPIC, MONTH, ID, TITLE, ABSTRACT)
        .mapPartitions(new TermCounts(firstMonth, keywords(topics)), Encoders.row(TermCounts.SCHEMA));
  }

  /**
   * The rows of a prior table for the terms of {@code candidates} only: their distinct terms are broadcast into
   * the table's scan. For a few months' candidates (a backfill), so that the join in {@link #ranked} does not
   * shuffle the whole table (millions of terms) to meet a few thousand. The caller materializes
   * {@code candidates} first (they are read twice: here and in the join).
   */
  static Dataset<Row> priorOf(Dataset<Row> candidates, Dataset<Row> priorTerms) {
    return priorTerms.join(broadcast(candidates.select(TERM).distinct()), List.of(TERM).toArray(String[]::new),
        "left_semi");
  }

  /** {@code ln((y + a) / (n + A0 - y - a))}: the smoothed log-odds of a term's count {@code y} of {@code n}. */
  private static Column logOdds(Column y, Column n, Column a) {
    return log(y.plus(a).divide(n.plus(lit(PRIOR_STRENGTH)).minus(y).minus(a)));
  }

  /** The z-score of the log-odds ratio of counts {@code y1} of {@code n1} against {@code y2} of {@code n2}. */
  private static Column zScore(Column y1, Column n1, Column y2, Column n2, Column a) {
    Column ratio = logOdds(y1, n1, a).minus(logOdds(y2, n2, a));
    return ratio.divide(sqrt(lit(1.0).divide(y1.plus(a)).plus(lit(1.0).divide(y2.plus(a)))));
  }

  /**
   * The second half of {@link #of}: each candidate scored with its term's prior (a term the table lacks counts
   * as in one sampled paper, {@link TermPrior#MIN_CORPUS_PAPERS}), common terms and plain words left out, the
   * trending ones kept, words that give way to their phrases dropped, and the top {@link #TOP_TERMS} of a topic's
   * month ranked by score, then papers, then term.
   */
  static Dataset<Row> ranked(Dataset<Row> candidates, Dataset<Row> priorTerms, TermPrior prior) {
    return ranked(candidates, priorTerms, prior, TOP_TERMS);
  }

  /** As {@link #ranked(Dataset, Dataset, TermPrior)}, the first {@code top} terms of each month. */
  static Dataset<Row> ranked(Dataset<Row> candidates, Dataset<Row> priorTerms, TermPrior prior, int top) {
    Column df = coalesce(col(CORPUS_PAPERS), lit(1L));
    Column a = lit(PRIOR_STRENGTH).multiply(df.plus(1)).divide(lit((double) Math.max(1, prior.occurrences())));
    Column month = col(PAPERS_WITH_TERM);
    Column baseline = col(BASELINE_PAPERS_WITH_TERM);
    Column ratio = logOdds(month, col(TermCounts.MONTH_TERMS), a)
        .minus(logOdds(baseline, col(TermCounts.BASELINE_TERMS), a));
    Column topicScore = zScore(month.plus(baseline), col(TermCounts.MONTH_TERMS).plus(col(TermCounts.BASELINE_TERMS)),
        df, lit((double) prior.occurrences()), a);
    Dataset<Row> trending = candidates
        .join(priorTerms, List.of(TERM).toArray(String[]::new), "left")
        .filter(not(coalesce(col(COMMON), lit(false))).and(not(prior.isPlainWord(col(TERM)))))
        .withColumn(LOG_ODDS_RATIO, bround(ratio, 6))
        .withColumn(SCORE, bround(zScore(month, col(TermCounts.MONTH_TERMS), baseline,
            col(TermCounts.BASELINE_TERMS), a), 6))
        .withColumn(TOPIC_SCORE, topicScore)
        .filter(col(SCORE).geq(MIN_SCORE).and(col(TOPIC_SCORE).geq(MIN_TOPIC_SCORE)))
        .select(TOPIC, MONTH, TERM, SCORE, LOG_ODDS_RATIO, PAPERS_WITH_TERM, MONTH_PAPERS, BASELINE_PAPERS_WITH_TERM,
            BASELINE_PAPERS, BASELINE_MONTHS_COL);
    // A word gives way to a phrase with it: each row keyed by its word, or by each word of a phrase (the first
    // kept to stand for the phrase), the phrases' most papers per key found by a window. One pass over the scored
    // rows: a self-join read them twice, and so counted the candidates' terms twice.
    Column isPhrase = col(TERM).contains(" ");
    Column maxPhrasePapers = functions.max(when(col(IS_PHRASE), col(PAPERS_WITH_TERM)))
        .over(Window.partitionBy(TOPIC, MONTH, WORD));
    Dataset<Row> kept = trending.withColumn(IS_PHRASE, isPhrase)
        .select(col("*"), posexplode(split(col(TERM), " ")).as(new String[] {WORD_POSITION, WORD}))
        .withColumn(PHRASE_PAPERS, maxPhrasePapers)
        .filter(col(IS_PHRASE).and(col(WORD_POSITION).equalTo(0))
            .or(not(col(IS_PHRASE)).and(col(PHRASE_PAPERS).isNull()
                .or(col(PHRASE_PAPERS).lt(col(PAPERS_WITH_TERM).multiply(PHRASE_SHARE))))));
    // A term and its plural are one row: the one that ranks first of the two.
    Column order = col(SCORE).desc();
    Dataset<Row> distinct = kept
        .withColumn(SINGULAR, SINGULAR_OF.apply(col(TERM)))
        .withColumn(SINGULAR_RANK, row_number().over(Window.partitionBy(TOPIC, MONTH, SINGULAR)
            .orderBy(order, col(PAPERS_WITH_TERM).desc(), col(TERM))))
        .filter(col(SINGULAR_RANK).equalTo(1));
    return distinct
        .withColumn(RANK, row_number().over(Window.partitionBy(TOPIC, MONTH)
            .orderBy(order, col(PAPERS_WITH_TERM).desc(), col(TERM))))
        .filter(col(RANK).leq(top))
        .withColumn(LABEL, col(TERM)) // how its papers write it is read with the phrases (TermPhrases)
        .select(Schemas.columns(Schemas.TRENDING_TERMS));
  }
}
