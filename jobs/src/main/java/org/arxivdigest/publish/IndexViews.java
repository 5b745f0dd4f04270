package org.arxivdigest.publish;

import java.util.ArrayList;
import java.util.List;
import org.arxivdigest.config.Topic;

/**
 * What the READMEs and index pages show, as the templates read it: one {@link TopicView} per topic, built once
 * and rendered into its README, its HTML page and its row of both indexes.
 */
final class IndexViews {
  private IndexViews() {}

  /** A link to a part of a month. */
  record PartRef(int n, boolean last) {}

  /** A month of a topic: its papers, entries and parts. */
  record MonthRow(String month, long papers, long entries, List<PartRef> parts) {}

  /**
   * A topic with its totals and months, newest first; {@code latest} null when it has none ({@code latestName}
   * the same month in words); {@code versions}: its pages list every version, so entries differ from papers;
   * {@code updated}: the date of its newest entry (yyyy-MM-dd), null without entries; {@code trending} its newest
   * month's trending terms, null when it has none.
   */
  record TopicView(String topic, String name, long papers, long entries, int monthCount, boolean hasMonths,
                   List<MonthRow> months, String latest, String latestName, boolean versions, String updated,
                   String listingNote, String rule, TrendingView trending) {}

  /** An index of the topics; {@code prefix} leads from the index's folder to the topic folders. */
  record IndexView(List<TopicView> topics, String prefix) {}

  static TopicView topic(Topic t, ListingCounts counts, String updated, TrendingView trending) {
    List<ListingCounts.MonthCount> months = counts.of(t.slug());
    var rows = new ArrayList<MonthRow>();
    for (ListingCounts.MonthCount m : months) {
      int parts = Pages.partCount(m.entries());
      var links = new ArrayList<PartRef>();
      for (int p = 1; p <= parts; p++) {
        links.add(new PartRef(p, p == parts));
      }
      rows.add(new MonthRow(m.month(), m.papers(), m.entries(), links));
    }
    return new TopicView(t.slug(), t.name(), counts.papers(t.slug()),
        months.stream().mapToLong(ListingCounts.MonthCount::entries).sum(), months.size(), !months.isEmpty(), rows,
        months.isEmpty() ? null : months.get(0).month(),
        months.isEmpty() ? null : PageRenderer.readableMonth(months.get(0).month()),
        t.listing() == Topic.Listing.VERSIONS, updated, listingNote(t.listing()), RuleProse.describe(t), trending);
  }

  private static String listingNote(Topic.Listing listing) {
    return switch (listing) {
      case VERSIONS -> "every version of a paper, in the month it was submitted";
      case LATEST -> "each paper once, in the month of its newest version";
      case NEW -> "each paper once, in the month of its first version";
    };
  }
}
