package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.arxivdigest.core.TopicMonth;
import org.arxivdigest.publish.ListingCounts.MonthCount;
import org.junit.jupiter.api.Test;

class FeedMonthsTest {
  @Test
  void aFeedReadsTheNewestMonthsUntilTheyHoldFiftyEntriesAndAllMonthsOfASmallTopic() {
    var counts = Map.of(
        // 30 + 19 entries are not enough: the third month is read too, the fourth is not.
        "llm", List.of(new MonthCount("2025_04", 28, 30), new MonthCount("2025_03", 19, 19),
            new MonthCount("2025_02", 5, 5), new MonthCount("2025_01", 90, 90)),
        // Exactly fifty in the newest month: nothing older can be in the feed.
        "qc", List.of(new MonthCount("2025_04", 50, 50), new MonthCount("2025_03", 7, 7)),
        "rare", List.of(new MonthCount("2024_11", 2, 2), new MonthCount("2023_01", 1, 1)));
    assertThat(ListingCounts.feedMonths(counts)).extracting(TopicMonth::toString).containsExactly(
        "llm/2025_02", "llm/2025_03", "llm/2025_04", "qc/2025_04", "rare/2023_01", "rare/2024_11");
  }
}
