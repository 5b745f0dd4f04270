package org.arxivdigest.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.row_number;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.arxivdigest.normalize.TexAccents;

/**
 * An Atom 1.0 feed per topic: its newest {@link #LIMIT} entries in page order. Every date comes from the data
 * (the entry's submission time; the feed's is its newest entry's), never from the clock, so reruns are identical.
 */
public final class Feeds {
  private Feeds() {}

  public static final int LIMIT = 50;
  static final String UPDATED = "_updated";
  private static final String FEED_RANK = "_feed_rank";

  /** The newest {@link #LIMIT} listing rows of each topic, with their authors (small: collected). */
  public static Dataset<Row> newest(Dataset<Row> listings) {
    return listings
        .withColumn(FEED_RANK, row_number().over(Window.partitionBy(TOPIC).orderBy(col(DATE).desc(),
            col(SUBMITTED_AT).desc(), col(ID).desc(), col(VERSION).desc())))
        .filter(col(FEED_RANK).leq(LIMIT))
        .select(col(TOPIC), col(FEED_RANK), col(LINK), col(TITLE), col(ABSTRACT), col(AUTHORS),
            col(PRIMARY_CATEGORY), date_format(col(SUBMITTED_AT), "yyyy-MM-dd'T'HH:mm:ss'Z'").as(UPDATED));
  }

  /** Rows of {@link #newest} grouped by topic, in feed order. */
  public static Map<String, List<Row>> byTopic(Dataset<Row> newest) {
    var out = new TreeMap<String, List<Row>>();
    for (Row r : newest.orderBy(col(TOPIC), col(FEED_RANK)).collectAsList()) {
      out.computeIfAbsent(r.getAs(TOPIC), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** An entry of a feed, as the Atom template reads it: one {@code <author>} per name. */
  record FeedEntry(String link, String title, String updated, List<String> authors, String category,
                   String summary) {}

  /** A topic's feed, as the Atom template reads it. */
  record Feed(String topic, String name, int limit, String updated, List<FeedEntry> entries, String feedId,
              String topicPage) {}

  /** The newest submission time of a feed's rows ({@code yyyy-MM-ddTHH:mm:ssZ}); the epoch when there is none. */
  public static String updated(List<Row> rows) {
    String updated = "1970-01-01T00:00:00Z";
    for (Row r : rows) {
      String at = r.getAs(UPDATED);
      if (at.compareTo(updated) > 0) {
        updated = at;
      }
    }
    return updated;
  }

  /** The feed of one topic; {@code links} decides its id and the link to the topic page. */
  public static String render(String topic, String name, List<Row> rows, SiteLinks links) {
    var entries = new ArrayList<FeedEntry>();
    String updated = updated(rows);
    for (Row r : rows) {
      String at = r.getAs(UPDATED);
      String category = r.getAs(PRIMARY_CATEGORY);
      String summary = TexAccents.toUnicode(r.<String>getAs(ABSTRACT)); // as the pages show it (PageRenderer)
      int authors = r.fieldIndex(AUTHORS);
      List<String> names = r.isNullAt(authors) ? List.of() : r.getList(authors);
      entries.add(new FeedEntry(r.getAs(LINK), TexAccents.toUnicode(r.<String>getAs(TITLE)), at, names,
          category == null ? "unknown" : category, summary == null ? "" : summary));
    }
    String feedId = links.siteUrl() == null ? "urn:arxiv-digest:feed:" + topic
        : links.siteUrl() + "/feeds/" + topic + ".xml";
    String topicPage = (links.siteUrl() == null ? ".." : links.siteUrl()) + "/papers/" + topic + "/index.html";
    return PageRenderer.renderFeed(new Feed(topic, name, LIMIT, updated, entries, feedId, topicPage));
  }
}
