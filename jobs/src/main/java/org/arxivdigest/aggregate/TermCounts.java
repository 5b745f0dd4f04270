package org.arxivdigest.aggregate;

import static org.arxivdigest.schema.Columns.BASELINE_MONTHS_COL;
import static org.arxivdigest.schema.Columns.BASELINE_PAPERS;
import static org.arxivdigest.schema.Columns.BASELINE_PAPERS_WITH_TERM;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.MONTH_PAPERS;
import static org.arxivdigest.schema.Columns.PAPERS_WITH_TERM;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TOPIC;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The counts {@link TrendingTerms} scores, for the terms of a topic's month that can trend ({@link #SCHEMA}): in at
 * least {@link TrendingTerms#MIN_TERM_PAPERS} of the month's papers, a larger share of the month's term
 * occurrences than of those of the topic's months among the {@link TrendingTerms#BASELINE_MONTHS} before it (its
 * baseline), not one of the topic's own keywords ({@link TopicTerms}), and shaped like a noun phrase
 * ({@link WordClasses}). A month with fewer than
 * {@link TrendingTerms#MIN_MONTH_PAPERS} papers, or whose baseline has fewer than
 * {@link TrendingTerms#MIN_BASELINE_PAPERS}, gives no rows: too few papers for a difference to mean anything (a
 * topic's first month has no baseline at all).
 *
 * <p>Reads one partition of documents (topic, month, id, title, abstract) sorted by topic, month, id and newest
 * version first, every document of a topic in the same partition: only the first row of a paper in a month counts,
 * with its distinct terms ({@link TermIds}: counted by number in primitive maps, the text made only for candidates).
 * A month's counts are kept (term to papers) while the next 12 months are read, so a topic's baselines cost a hash
 * lookup per candidate instead of a shuffle, sort and window over every (topic, month, term): most terms are a
 * 2-gram in one paper and only ever part of their own baseline. Memory: the distinct terms of 13 months of one
 * topic (about 3 M for a topic's busiest year at 2.9 M papers).
 */
final class TermCounts implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Term occurrences (a term counted once per paper) of the month: the log-odds' total. */
  static final String MONTH_TERMS = "_month_terms";
  /** Term occurrences of the baseline months. */
  static final String BASELINE_TERMS = "_baseline_terms";

  /** A candidate term of a topic's month, with the counts of the month and of its baseline. */
  static final StructType SCHEMA = new StructType()
      .add(TOPIC, DataTypes.StringType, false)
      .add(MONTH, DataTypes.StringType, false)
      .add(TERM, DataTypes.StringType, false)
      .add(PAPERS_WITH_TERM, DataTypes.LongType, false)
      .add(MONTH_PAPERS, DataTypes.LongType, false)
      .add(MONTH_TERMS, DataTypes.LongType, false)
      .add(BASELINE_PAPERS_WITH_TERM, DataTypes.LongType, false)
      .add(BASELINE_PAPERS, DataTypes.LongType, false)
      .add(BASELINE_TERMS, DataTypes.LongType, false)
      .add(BASELINE_MONTHS_COL, DataTypes.IntegerType, false);

  /** {@code yyyy_MM} to a month number, so that "the 12 months before" is arithmetic. */
  static int monthIndex(String month) {
    return Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7));
  }

  /** The first month ({@code yyyy_MM}) whose terms are wanted; earlier months are only baselines. */
  private final String firstMonth;
  /** Per topic slug, the terms it may not trend on (its own keywords); topics not named have none. */
  private final Map<String, TopicTerms> keywords;

  /**
   * {@code firstMonth}: the months before it are counted for the baselines but give no rows; null for all.
   * {@code keywords}: per topic, the terms left out.
   */
  TermCounts(String firstMonth, Map<String, TopicTerms> keywords) {
    this.firstMonth = firstMonth;
    this.keywords = Map.copyOf(keywords);
  }

  /** One month of a topic: its number, papers, term occurrences, and papers per term. */
  private record Month(int index, long papers, long terms, LongIntHashMap counts) {}

  @Override
  public Iterator<Row> call(Iterator<Row> docs) {
    var scan = new Scan(this);
    return new Iterator<>() {
      private boolean done;

      @Override
      public boolean hasNext() {
        while (scan.ready.isEmpty() && docs.hasNext()) {
          scan.add(docs.next());
        }
        if (scan.ready.isEmpty() && !done) {
          scan.finishMonth();
          done = true;
        }
        return !scan.ready.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return scan.ready.poll();
      }
    };
  }

  /** The state of one partition's scan: the month being counted and the 12 before it. */
  private static final class Scan {
    final ArrayDeque<Row> ready = new ArrayDeque<>();
    private final TermCounts owner;
    private final ArrayDeque<Month> before = new ArrayDeque<>();
    private final TermIds ids = new TermIds();
    private String topic;
    private TopicTerms excluded = TopicTerms.NONE;
    private String month;
    private int index;
    private long papers;
    private long terms;
    private LongIntHashMap counts;
    private String lastId;

    Scan(TermCounts owner) {
      this.owner = owner;
    }

    void add(Row doc) {
      String t = doc.getString(0);
      String m = doc.getString(1);
      if (!t.equals(topic)) {
        finishMonth();
        before.clear();
        topic = t;
        excluded = owner.keywords.getOrDefault(t, TopicTerms.NONE);
      } else if (!m.equals(month)) {
        finishMonth();
      }
      if (month == null) {
        month = m;
        index = monthIndex(m);
        papers = 0;
        terms = 0;
        counts = new LongIntHashMap();
        lastId = null;
      }
      String id = doc.getString(2);
      if (id.equals(lastId)) {
        return; // an older version of a paper whose newest version of the month was read
      }
      lastId = id;
      papers++;
      terms += ids.count(doc.getString(3), doc.getString(4), counts);
    }

    void finishMonth() {
      if (month == null) {
        return;
      }
      while (!before.isEmpty() && before.peekFirst().index() < index - TrendingTerms.BASELINE_MONTHS) {
        before.pollFirst();
      }
      long baselinePapers = 0;
      long baselineTerms = 0;
      for (Month b : before) {
        baselinePapers += b.papers();
        baselineTerms += b.terms();
      }
      if (papers >= TrendingTerms.MIN_MONTH_PAPERS && baselinePapers >= TrendingTerms.MIN_BASELINE_PAPERS
          && (owner.firstMonth == null || month.compareTo(owner.firstMonth) >= 0)) {
        for (LongIntCursor e : counts) {
          long n = e.value;
          if (n < TrendingTerms.MIN_TERM_PAPERS) {
            continue;
          }
          String term = ids.term(e.key);
          if (excluded.excludes(term) || !WordClasses.get().isNounPhrase(term)) {
            continue;
          }
          long prev = 0;
          for (Month b : before) {
            prev += b.counts().get(e.key); // 0 when absent
          }
          // A larger share of the month's term occurrences than of the baseline's (the products stay below 2^53).
          if ((double) n * baselineTerms > (double) prev * terms) {
            ready.add(RowFactory.create(topic, month, term, n, papers, terms, prev, baselinePapers,
                baselineTerms, before.size()));
          }
        }
      }
      before.addLast(new Month(index, papers, terms, counts));
      month = null;
      counts = null;
    }
  }
}
