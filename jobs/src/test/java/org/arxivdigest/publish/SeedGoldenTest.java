package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.arxivdigest.config.Topic.Format;
import org.arxivdigest.publish.SeedPages.SeedEntry;
import org.junit.jupiter.api.Test;

/** Our pages against the real pages of the sites we replace, byte for byte. */
class SeedGoldenTest {

  /**
   * Exemptions of seed 000: comments the site cut when it re-read its own page (it strips the characters
   * {@code <>/details} from both ends). Left: the full comment as arXiv has it; we keep it whole.
   */
  static final Map<String, String> CUT_COMMENTS = Map.of(
      "2502.00840", "19 pages",
      "2501.02625", "13 pages, 6 figures",
      "2501.07267", "16 pages, 5 figures, 3 tables",
      "2501.14808", "15 pages, 16 figures",
      "2411.15594", "Corrected typos & more discussion on reasoning models 33 pages, 9 figures. arXiv admin note: text "
          + "overlap with arXiv:2310.05470 by other authors",
      "2406.03993", "Accepted to NAACL 2025 Findings",
      "2501.12372", "14 pages, 7 figures");

  /**
   * Exemptions for our escaping: seed rows whose text contains what our escaper changes (for tables {@code |},
   * {@code <}, {@code >}, brackets in titles, {@code ](}; for cards {@code <}, {@code >}, {@code &}). None of the
   * 25 seed rows has any, so the sets are empty; the test checks that they are.
   */
  static final Set<String> TABLE_ESCAPED = Set.of();
  static final Set<String> CARDS_ESCAPED = Set.of();

  private static final PageRenderer TABLE = new PageRenderer(SeedPages.TABLE_SITE);
  private static final PageRenderer CARDS = new PageRenderer(SeedPages.CARDS_SITE);

  private static String body(String page) {
    int at = page.indexOf("## Papers\n\n") + "## Papers\n\n".length();
    return page.substring(at);
  }

  /** The site's bug, to show that a cut comment is exactly our full one, cut. */
  private static String siteStrip(String comment) {
    String chars = "<>/details";
    int b = 0;
    int e = comment.length();
    while (b < e && chars.indexOf(comment.charAt(b)) >= 0) {
      b++;
    }
    while (e > b && chars.indexOf(comment.charAt(e - 1)) >= 0) {
      e--;
    }
    return comment.substring(b, e);
  }

  @Test
  void seedsParseIntoAllTheirEntries() {
    assertThat(SeedPages.tableEntries()).hasSize(18);
    assertThat(SeedPages.cardEntries()).hasSize(7);
  }

  @Test
  void tablePagePartSevenOfSevenIsTheSeedByteForByte() {
    List<SeedEntry> seed = SeedPages.tableEntries();
    String page = TABLE.renderPart(Format.TABLE, "llm", "2025_02", 7, 7,
        seed.stream().map(SeedEntry::entry).toList());
    assertThat(page).isEqualTo(SeedPages.table());
  }

  @Test
  void cardsPagePartSeventeenOfSeventeenIsTheDecodedSeedByteForByte() {
    List<SeedEntry> seed = SeedPages.cardEntries();
    String page = CARDS.renderPart(Format.CARDS, "llm", "2025_05", 17, 17,
        seed.stream().map(SeedEntry::entry).toList());
    assertThat(page).isEqualTo(SeedPages.cards());
  }

  @Test
  void headerAndNavigationMatchTheSeeds() {
    String table = TABLE.renderPart(Format.TABLE, "llm", "2025_02", 7, 7, List.of());
    assertThat(SeedPages.table()).startsWith(table);
    assertThat(table).endsWith("- [Part 6](papers_6.md)\n- Part 7\n\n## Papers\n\n"
        + "| **Paper** | **Date** | **Comment** |\n| --- | --- | --- |\n");
    String cards = CARDS.renderPart(Format.CARDS, "llm", "2025_05", 17, 17, List.of());
    assertThat(SeedPages.cards()).startsWith(cards);
    assertThat(cards).endsWith("- Part 17\n\n## Papers\n\n");
  }

  @Test
  void eachTableRowRendersToTheSeedRowWithFullComments() {
    for (SeedEntry s : SeedPages.tableEntries()) {
      String full = CUT_COMMENTS.get(s.id());
      var entry = full == null ? s.entry()
          : new PageRenderer.Entry(s.entry().title(), s.entry().link(), s.entry().date(), s.entry().abstractText(),
              full);
      String row = body(TABLE.renderPart(Format.TABLE, "llm", "2025_02", 1, 1, List.of(entry)))
          .lines().skip(2).collect(Collectors.joining("\n", "", "\n"));
      if (full == null) {
        assertThat(row).as(s.id()).isEqualTo(s.text());
      } else {
        assertThat(siteStrip(full)).as(s.id()).isEqualTo(s.entry().comment());
        assertThat(row).as(s.id()).isEqualTo(s.text().replace("<details>" + s.entry().comment() + "</details> |",
            "<details>" + full + "</details> |"));
      }
    }
  }

  @Test
  void eachCardRendersToTheSeedCard() {
    for (SeedEntry s : SeedPages.cardEntries()) {
      String card = body(CARDS.renderPart(Format.CARDS, "llm", "2025_05", 1, 1, List.of(s.entry())));
      assertThat(card).as(s.id()).isEqualTo(s.text());
    }
  }

  @Test
  void noSeedRowHoldsTextOurEscapingChanges() {
    var table = SeedPages.tableEntries().stream()
        .filter(s -> s.entry().title().matches(".*[|<>\\[\\]].*") || (s.entry().abstractText()
            + s.entry().comment()).matches(".*([|<>]|\\]\\().*"))
        .map(SeedEntry::id).collect(Collectors.toSet());
    assertThat(table).isEqualTo(TABLE_ESCAPED);
    var cards = SeedPages.cardEntries().stream()
        .filter(s -> (s.entry().title() + s.entry().abstractText() + s.entry().comment()).matches(".*[<>&].*"))
        .map(SeedEntry::id).collect(Collectors.toSet());
    assertThat(cards).isEqualTo(CARDS_ESCAPED);
  }
}
