package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.TOPIC;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.core.TopicMonth;

/**
 * The index pages' counts: per topic, its months' papers (distinct ids) and entries, newest month first, and its
 * distinct papers over all months. Kept between runs in the stamp {@value #STAMP} as {@link Facts}.
 */
record ListingCounts(Map<String, List<MonthCount>> months, Map<String, Long> topicPapers) {

  /**
   * The stamp of the kept counts: keyed by the listings' content (their manifest), so that a publish whose listings
   * did not change (a backfill or rerun of the aggregates and pages) reads them from the stamp instead of opening
   * every month folder of the listings again (~2,000 at 2.9M papers: 7-11 s).
   */
  static final String STAMP = "listing_counts";

  /** Papers (distinct ids) and entries of one topic's month; in the stamp as {@code [month, papers, entries]}. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  record MonthCount(String month, long papers, long entries) {}

  /** A topic's counts as the stamp keeps them. */
  record TopicCounts(long papers, List<MonthCount> months) {}

  /** The stamp's facts: {@code topics -> {topic -> {papers, months: [[month, papers, entries], ...]}}}. */
  record Facts(Map<String, TopicCounts> topics) {}

  private static final String PAPERS = "_papers";
  private static final String ENTRIES = "_entries";

  /**
   * Per topic and month: (topic, month, papers (distinct ids), entries), newest month first; and per topic, with
   * month null: its papers and entries over all months. One scan of the listings' (topic, month, id) for both:
   * they aggregate the same shuffle, which Spark reuses, where two queries would open every month folder twice.
   */
  static Dataset<Row> query(Dataset<Row> listings) {
    Dataset<Row> perPaper = listings.groupBy(TOPIC, MONTH, ID).agg(count(lit(1)).as(ENTRIES));
    Dataset<Row> months = perPaper.groupBy(TOPIC, MONTH).agg(count(lit(1)).as(PAPERS), sum(ENTRIES).as(ENTRIES));
    // The topic's entries too: with them the two branches read the same aggregate of the scan, so the optimizer
    // does not rewrite this one into a second scan of its own.
    Dataset<Row> topics = perPaper.groupBy(TOPIC).agg(countDistinct(col(ID)).as(PAPERS), sum(ENTRIES).as(ENTRIES))
        .select(col(TOPIC), lit(null).cast(DataTypes.StringType).as(MONTH), col(PAPERS), col(ENTRIES));
    return months.unionByName(topics).orderBy(col(TOPIC), col(MONTH).desc());
  }

  /** From the rows of {@link #query}. */
  static ListingCounts of(List<Row> rows) {
    var counts = new ListingCounts(new TreeMap<>(), new TreeMap<>());
    for (Row r : rows) {
      if (r.isNullAt(1)) {
        counts.topicPapers().put(r.getString(0), r.getLong(2));
      } else {
        counts.months().computeIfAbsent(r.getString(0), k -> new ArrayList<>())
            .add(new MonthCount(r.getString(1), r.getLong(2), r.getLong(3)));
      }
    }
    return counts;
  }

  /** A topic's months, newest first (none when it has no entries). */
  List<MonthCount> of(String topic) {
    return months.getOrDefault(topic, List.of());
  }

  /** A topic's distinct papers over all its months. */
  long papers(String topic) {
    return topicPapers.getOrDefault(topic, 0L);
  }

  Facts facts() {
    var topics = new TreeMap<String, TopicCounts>();
    var slugs = new TreeSet<>(months.keySet());
    slugs.addAll(topicPapers.keySet());
    slugs.forEach(t -> topics.put(t, new TopicCounts(papers(t), of(t))));
    return new Facts(topics);
  }

  /** Back from {@link #facts}; null if they are not of that shape. */
  static ListingCounts fromFacts(Facts facts) {
    if (facts == null || facts.topics() == null) {
      return null;
    }
    var counts = new ListingCounts(new TreeMap<>(), new TreeMap<>());
    for (Map.Entry<String, TopicCounts> e : facts.topics().entrySet()) {
      if (e.getValue() == null || e.getValue().months() == null) {
        return null;
      }
      counts.topicPapers().put(e.getKey(), e.getValue().papers());
      if (!e.getValue().months().isEmpty()) {
        counts.months().put(e.getKey(), new ArrayList<>(e.getValue().months()));
      }
    }
    return counts;
  }

  /**
   * Each topic's newest months that hold {@link Feeds#LIMIT} entries between them (all of a topic's months when it
   * has fewer): the only months a feed can list, as a listing's month is its date's.
   */
  SortedSet<TopicMonth> feedMonths() {
    return feedMonths(months);
  }

  /** As {@link #feedMonths()}, of {@code counts}: each topic's months, newest first. */
  static SortedSet<TopicMonth> feedMonths(Map<String, List<MonthCount>> counts) {
    var months = new TreeSet<TopicMonth>();
    counts.forEach((topic, byMonth) -> {
      long entries = 0;
      for (MonthCount m : byMonth) {
        if (entries >= Feeds.LIMIT) {
          break;
        }
        months.add(new TopicMonth(topic, m.month()));
        entries += m.entries();
      }
    });
    return months;
  }
}
