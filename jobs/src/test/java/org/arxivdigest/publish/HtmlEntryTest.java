package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.arxivdigest.config.Topic.Format;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** What an entry of the HTML pages shows of its paper: authors, id, categories, withdrawn; and the heading. */
class HtmlEntryTest {
  private static final PageRenderer RENDERER = new PageRenderer("https://example.org/site");

  private static List<String> authors(int n) {
    var out = new ArrayList<String>();
    for (int i = 1; i <= n; i++) {
      out.add("Author Number" + i);
    }
    return out;
  }

  private static PageRenderer.Entry entry(String id, List<String> authors, String comment, List<String> categories) {
    return new PageRenderer.Entry("Title " + id, "http://arxiv.org/abs/" + id + "v2", "2026-05-04", "Abstract.",
        comment, null, new PageRenderer.About(id, 2, authors, categories.get(0), categories));
  }

  @Test
  void anEntryShowsTenAuthorsThenEtAlAndAllOfThemInTheAbstractsFoldWithItsIdAndCategories() {
    Document doc = Jsoup.parse(RENDERER.renderPartHtml("llm", "Large language models", "2026_05", 1, 3, List.of(
        entry("2605.00001", authors(12), null, List.of("cs.CL", "cs.AI", "cs.LG")),
        entry("2605.00002", authors(3), "This paper has been withdrawn by the author due to an error", List.of(
            "cs.LG")))));
    assertThat(doc.select("h1").text()).isEqualTo("Large language models \u2014 May 2026");
    assertThat(doc.title()).startsWith("Large language models \u2014 May 2026 (part 1 of 3)");
    assertThat(doc.select("nav.crumbs").text()).endsWith("Large language models / May 2026");
    List<Element> papers = doc.select("article.paper");
    Element many = papers.get(0);
    assertThat(many.select(".authors").text()).isEqualTo(String.join(", ", authors(10)) + " et al.");
    assertThat(many.select("details .all-authors").text()).isEqualTo("Authors: " + String.join(", ", authors(12)));
    assertThat(many.select(".meta").text()).startsWith("arXiv:2605.00001v2 \u00b7 cs.CL (also cs.AI, cs.LG) \u00b7 "
        + "Submitted 2026-05-04");
    assertThat(many.select(".badge")).isEmpty();
    Element withdrawn = papers.get(1);
    assertThat(withdrawn.hasClass("withdrawn")).isTrue();
    assertThat(withdrawn.select("h2 .badge").text()).isEqualTo("withdrawn");
    assertThat(withdrawn.select(".authors").text()).isEqualTo(String.join(", ", authors(3)));
    assertThat(withdrawn.select(".all-authors")).as("three authors: all shown already").isEmpty();
    assertThat(withdrawn.select(".meta").text()).startsWith("arXiv:2605.00002v2 \u00b7 cs.LG \u00b7 Submitted");
  }

  @Test
  void texAccentsShowAsLettersInEveryFormatAndTheRestOfTheTexAsWritten() {
    // title, abstract and comment as recent papers write them (../shared/data/recent)
    var e = new PageRenderer.Entry("Mj\\\"olnir: Schr\\\"odinger Bridges in $\\mathcal{O}(n)$",
        "http://arxiv.org/abs/2605.00001v1", "2026-05-04", "Ranks by Fr\\'echet Inception Distance; the MLLM\\'s "
        + "na\\\"ive cost is $\\sim$3 \\AA.", "Bildverarbeitung f\\\"ur die Medizin 2026", null,
        new PageRenderer.About("2605.00001", 1, List.of("Belén Agüera Marco"), "cs.CV", List.of("cs.CV")));
    Document html = Jsoup.parse(RENDERER.renderPartHtml("llm", "2026_05", 1, 1, List.of(e)));
    assertThat(html.select("h2 a").first().text())
        .isEqualTo("Mjölnir: Schrödinger Bridges in $\\mathcal{O}(n)$");
    assertThat(html.text()).contains("Ranks by Fréchet Inception Distance; the MLLM\\'s naïve cost is $\\sim$3 Å.")
        .contains("Bildverarbeitung für die Medizin 2026");
    for (Format f : Format.values()) {
      String md = RENDERER.renderPart(f, "llm", "2026_05", 1, 1, List.of(e), true);
      assertThat(md).as(f.name()).contains("Mjölnir", "Fréchet", "naïve", "3 Å", "für die", "Agüera")
          .doesNotContain("\\\"o", "\\'e");
    }
  }

  @Test
  void theMarkdownPagesKeepTheSitesFormatUnlessTheTopicAsksForAuthors() {
    var e = entry("2605.00001", authors(12), null, List.of("cs.CL"));
    for (Format f : Format.values()) {
      String plain = RENDERER.renderPart(f, "llm", "2026_05", 1, 1, List.of(e));
      assertThat(plain).as(f.name()).doesNotContain("Number1");
      String withAuthors = RENDERER.renderPart(f, "llm", "2026_05", 1, 1, List.of(e), true);
      assertThat(withAuthors).as(f.name()).contains(String.join(", ", authors(10)) + " et al.")
          .doesNotContain("Number11");
    }
  }

  @Test
  void webAddressesInACommentBecomeLinksAndNothingElseDoes() {
    Document doc = Jsoup.parse(RENDERER.renderPartHtml("llm", "LLM", "2026_05", 1, 1, List.of(
        entry("2605.00001", authors(1), "Code: https://github.com/a/b. Data (https://x.org/d?q=1&r=2), see "
            + "javascript:alert(1) and https://evil.example/\"onmouseover=\"alert(1) too", List.of("cs.CL")))));
    var links = doc.select(".meta a.url");
    // An address run into a quote is left as text: a link never takes a quote or what follows it.
    assertThat(links).extracting(a -> a.attr("href")).containsExactly("https://github.com/a/b",
        "https://x.org/d?q=1&r=2");
    assertThat(links).extracting(Element::text).containsExactly("https://github.com/a/b", "https://x.org/d?q=1&r=2");
    assertThat(doc.select("[onmouseover]")).isEmpty();
    assertThat(doc.select(".meta").text()).contains("Code: https://github.com/a/b. Data (https://x.org/d?q=1&r=2), "
        + "see javascript:alert(1) and https://evil.example/\"onmouseover=\"alert(1) too");
  }

  @Test
  void aMonthPageShowsItsTrendingTermsEscapedAndNoSectionWithoutThem() {
    var e = entry("2605.00001", authors(1), null, List.of("cs.CL"));
    Document doc = Jsoup.parse(RENDERER.renderPartHtml("llm", "LLM", "2026_05", 2, 2, List.of(e), List.of(
        new TrendingView.Term("test-time scaling", 31, false),
        new TrendingView.Term("<b>x</b>", 7, true))));
    assertThat(doc.select("section.trending .term")).extracting(Element::text)
        .containsExactly("test-time scaling", "<b>x</b>");
    assertThat(doc.select("section.trending").text())
        .isEqualTo("Trending this month: test-time scaling (31), <b>x</b> (7)");
    assertThat(doc.select("section.trending b")).isEmpty();
    assertThat(Jsoup.parse(RENDERER.renderPartHtml("llm", "LLM", "2026_05", 1, 1, List.of(e)))
        .select("section.trending")).isEmpty();
  }

  @Test
  void withdrawnIsReadFromTheCommentAsAWord() {
    assertThat(PageRenderer.withdrawn("This paper has been withdrawn by the author")).isTrue();
    assertThat(PageRenderer.withdrawn("Withdrawn: duplicate of 2501.00001")).isTrue();
    assertThat(PageRenderer.withdrawn("12 pages; withdrawnness of agents")).isFalse();
    assertThat(PageRenderer.withdrawn(null)).isFalse();
    assertThat(PageRenderer.readableMonth("2007_04")).isEqualTo("April 2007");
  }
}
