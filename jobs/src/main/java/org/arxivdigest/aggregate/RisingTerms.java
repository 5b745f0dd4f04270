package org.arxivdigest.aggregate;

import static org.arxivdigest.schema.Columns.BASELINE_MONTHS_COL;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.MONTH_PAPERS;
import static org.arxivdigest.schema.Columns.PAPERS_WITH_TERM;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.classify.tfidf.DocumentTerms;

/**
 * The terms of a topic's month that are in at least {@link Aggregates#MIN_TERM_PAPERS} of its papers and whose
 * share of the month's papers is at least the mean share over the topic's months with papers among the
 * {@link Aggregates#BASELINE_MONTHS} before it ({@link #SCHEMA}); a topic's first month has nothing to rise
 * against and gets no rows.
 *
 * <p>Reads one partition of documents (topic, month, id, title, abstract) sorted by topic, month, id and newest
 * version first, every document of a topic in the same partition: only the first row of a paper in a month counts,
 * with its distinct terms ({@link DocumentTerms}).
 * A month's counts are kept (term to papers) while the next 12 months are read, so a topic's baselines cost a hash
 * lookup per rising candidate instead of a shuffle, sort and window over every (topic, month, term): most terms
 * are a 2-gram in one paper and only ever part of their own baseline. Memory: the distinct terms of 13 months of
 * one topic (about 3 M for a topic's busiest year at 2.9 M papers).
 */
final class RisingTerms implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  static final String SHARE = "_share";
  static final String PREV_SHARES = "_prev_shares";

  /** A rising term's month: counts, the month's share and the sum of the baseline months' shares. */
  static final StructType SCHEMA = new StructType()
      .add(TOPIC, DataTypes.StringType, false)
      .add(MONTH, DataTypes.StringType, false)
      .add(TERM, DataTypes.StringType, false)
      .add(PAPERS_WITH_TERM, DataTypes.LongType, false)
      .add(MONTH_PAPERS, DataTypes.LongType, false)
      .add(BASELINE_MONTHS_COL, DataTypes.IntegerType, false)
      .add(SHARE, DataTypes.DoubleType, false)
      .add(PREV_SHARES, DataTypes.DoubleType, false);

  /** {@code yyyy_MM} to a month number, so that "the 12 months before" is arithmetic. */
  static int monthIndex(String month) {
    return Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7));
  }

  /** The highest IDF a term can have (that of a term the IDF sample never saw). */
  private final double maxIdf;
  /** The first month ({@code yyyy_MM}) whose rising terms are wanted; earlier months are only baselines. */
  private final String firstMonth;

  RisingTerms(double maxIdf) {
    this(maxIdf, null);
  }

  /** {@code firstMonth}: the months before it are counted for the baselines but give no rows; null for all. */
  RisingTerms(double maxIdf, String firstMonth) {
    this.maxIdf = maxIdf;
    this.firstMonth = firstMonth;
  }

  /** The rise of a candidate row: its share minus its baseline's mean share (the score before the IDF). */
  private static double rise(Row r) {
    return r.getDouble(6) - r.getDouble(7) / r.getInt(5);
  }

  /**
   * The month's rising terms that can reach its top {@link Aggregates#TOP_TERMS}. A term's score is its rise times
   * its IDF, rounded: at least its rise (the IDF is at least 1), at most its rise times {@link #maxIdf}. When
   * {@code TOP_TERMS} terms rise by at least {@code t}, a term whose rise times the highest IDF stays clearly below
   * {@code t} scores below all of them and can rank no better than after them: it is left out before the IDF join,
   * and the ranks of the top terms do not change. The margin covers the three roundings to 6 places.
   */
  private List<Row> withinReach(List<Row> rising) {
    if (rising.size() <= Aggregates.TOP_TERMS) {
      return rising;
    }
    var top = new PriorityQueue<Double>();
    for (Row r : rising) {
      top.add(rise(r));
      if (top.size() > Aggregates.TOP_TERMS) {
        top.poll();
      }
    }
    double floor = top.peek() - 1e-5;
    var kept = new ArrayList<Row>();
    for (Row r : rising) {
      if (rise(r) * maxIdf >= floor) {
        kept.add(r);
      }
    }
    return kept;
  }

  /** One month of a topic: its number, papers, and papers per term. */
  private record Month(int index, long papers, Map<String, long[]> counts) {}

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
    private final RisingTerms owner;
    private final ArrayDeque<Month> before = new ArrayDeque<>();
    private String topic;
    private String month;
    private int index;
    private long papers;
    private Map<String, long[]> counts;
    private String lastId;

    Scan(RisingTerms owner) {
      this.owner = owner;
    }

    void add(Row doc) {
      String t = doc.getString(0);
      String m = doc.getString(1);
      if (!t.equals(topic)) {
        finishMonth();
        before.clear();
        topic = t;
      } else if (!m.equals(month)) {
        finishMonth();
      }
      if (month == null) {
        month = m;
        index = monthIndex(m);
        papers = 0;
        counts = new HashMap<>();
        lastId = null;
      }
      String id = doc.getString(2);
      if (id.equals(lastId)) {
        return; // an older version of a paper whose newest version of the month was read
      }
      lastId = id;
      papers++;
      for (String term : DocumentTerms.of(doc.getString(3), doc.getString(4))) {
        counts.computeIfAbsent(term, k -> new long[1])[0]++;
      }
    }

    void finishMonth() {
      if (month == null) {
        return;
      }
      while (!before.isEmpty() && before.peekFirst().index() < index - Aggregates.BASELINE_MONTHS) {
        before.pollFirst();
      }
      int baselineMonths = before.size();
      if (baselineMonths > 0 && (owner.firstMonth == null || month.compareTo(owner.firstMonth) >= 0)) {
        var rising = new ArrayList<Row>();
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
          long n = e.getValue()[0];
          if (n < Aggregates.MIN_TERM_PAPERS) {
            continue;
          }
          double share = (double) n / papers;
          // Summed oldest first, as a window over the months in order would.
          double prev = 0;
          for (Month b : before) {
            long[] c = b.counts().get(e.getKey());
            if (c != null) {
              prev += (double) c[0] / b.papers();
            }
          }
          // The IDF (at least 1) multiplies both sides of the score: a share below its baseline's mean cannot
          // score above 0 (rounding is monotone). The margin keeps the rows that floating point puts a hair
          // below; the rounded score decides them.
          if (share * baselineMonths >= prev * (1 - 1e-9)) {
            rising.add(RowFactory.create(topic, month, e.getKey(), n, papers, baselineMonths, share, prev));
          }
        }
        ready.addAll(owner.withinReach(rising));
      }
      before.addLast(new Month(index, papers, counts));
      month = null;
      counts = null;
    }
  }
}
