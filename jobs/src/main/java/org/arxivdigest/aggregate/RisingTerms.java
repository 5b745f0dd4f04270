package org.arxivdigest.aggregate;

import static org.arxivdigest.schema.Columns.BASELINE_MONTHS_COL;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.MONTH_PAPERS;
import static org.arxivdigest.schema.Columns.PAPERS_WITH_TERM;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The terms of a topic's month that are in at least {@link Aggregates#MIN_TERM_PAPERS} of its papers and whose
 * share of the month's papers is at least the mean share over the topic's months with papers among the
 * {@link Aggregates#BASELINE_MONTHS} before it ({@link #SCHEMA}); a topic's first month has nothing to rise
 * against and gets no rows.
 *
 * <p>Reads one partition of documents (topic, month, id, distinct terms) sorted by topic, month, id and newest
 * version first, every document of a topic in the same partition: only the first row of a paper in a month counts.
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

  /** {@code yyyy_MM} to a month number, as {@link Aggregates#monthIndex}. */
  static int monthIndex(String month) {
    return Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7));
  }

  /** One month of a topic: its number, papers, and papers per term. */
  private record Month(int index, long papers, Map<String, long[]> counts) {}

  @Override
  public Iterator<Row> call(Iterator<Row> docs) {
    var scan = new Scan();
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
    private final ArrayDeque<Month> before = new ArrayDeque<>();
    private String topic;
    private String month;
    private int index;
    private long papers;
    private Map<String, long[]> counts;
    private String lastId;

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
      List<String> terms = doc.getList(3);
      for (String term : terms) {
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
      if (baselineMonths > 0) {
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
            ready.add(RowFactory.create(topic, month, e.getKey(), n, papers, baselineMonths, share, prev));
          }
        }
      }
      before.addLast(new Month(index, papers, counts));
      month = null;
      counts = null;
    }
  }
}
