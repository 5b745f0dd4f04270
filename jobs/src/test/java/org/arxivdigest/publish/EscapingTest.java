package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.arxivdigest.config.Topic.Format;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Hostile paper text cannot add a table column, a link, a tag or an attribute; TeX stays as arXiv shows it. */
class EscapingTest {
  private static final List<String> HOSTILE = List.of(
      "A | B | C",
      "<script>alert(1)</script>",
      "click](javascript:alert(1)) [me",
      "[x](http://evil.example) and ![img](http://evil.example/i.png)",
      "$x|y$ and $\\|v\\|_2$ with \\href{http://a.b}{c} and \\\\",
      "Quotes \" ' & ampersands &amp; <b>bold</b> </details> <details>",
      "{{topic}} %s ../../etc",
      // a backslash before a bracket, or at the end, must not re-open a link or swallow the arXiv link (issue 21)
      "LLM safety\\](http://evil.example/phish)",
      "![t\\](http://evil.example/p.png)",
      "a title ending in a backslash \\",
      "bell\u0007 escape\u001b[31m null\u0000 and C1\u0085 controls");

  private static final PageRenderer RENDERER = new PageRenderer("https://example.org/site");

  private static String page(Format format, String hostile) {
    // the reason carries a topic's term, which a config may take from anywhere (include_regex has | and <)
    // and an author's name and a category are paper text too (a topic with "authors": true shows them)
    return RENDERER.renderPart(format, "llm", "2025_01", 1, 1, List.of(entry(hostile)), true);
  }

  private static PageRenderer.Entry entry(String hostile) {
    return new PageRenderer.Entry(hostile, "http://arxiv.org/abs/2501.00001v1", "2025-01-02", hostile,
        hostile, "keyword \u201c" + hostile + "\u201d in title", new PageRenderer.About("2501.00001", 1,
        List.of(hostile, "B. Two"), "cs.CL", List.of("cs.CL", hostile)));
  }

  private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  @Test
  void hostileTextAddsNoColumnLinkOrTagToATablePage() {
    for (String hostile : HOSTILE) {
      Node doc = MARKDOWN.parse(page(Format.TABLE, hostile));
      var rows = new ArrayList<TableRow>();
      var links = new ArrayList<String>();
      var html = new ArrayList<String>();
      doc.accept(new AbstractVisitor() {
        @Override
        public void visit(CustomNode node) {
          if (node instanceof TableRow row) {
            rows.add(row);
          }
          visitChildren(node);
        }

        @Override
        public void visit(CustomBlock node) {
          visitChildren(node);
        }

        @Override
        public void visit(Link link) {
          links.add(link.getDestination());
          visitChildren(link);
        }

        @Override
        public void visit(Image image) {
          links.add(image.getDestination());
        }

        @Override
        public void visit(HtmlInline node) {
          html.add(node.getLiteral());
        }

        @Override
        public void visit(HtmlBlock node) {
          html.add(node.getLiteral());
        }
      });
      assertThat(rows).as(hostile).hasSize(2); // header and the one entry
      for (TableRow row : rows) {
        int cells = 0;
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
          assertThat(c).isInstanceOf(TableCell.class);
          cells++;
        }
        assertThat(cells).as(hostile).isEqualTo(3);
      }
      assertThat(links.stream().filter(l -> !l.startsWith("https://example.org/site")).toList()).as(hostile)
          .containsExactly("http://arxiv.org/abs/2501.00001v1");
      assertThat(html).as(hostile).containsOnly("<details>", "</details>", "<br>", "<sub>", "</sub>");
    }
  }

  @Test
  void hostileTextAddsNoElementOrAttributeToACard() {
    for (String hostile : HOSTILE) {
      String page = page(Format.CARDS, hostile);
      String cards = page.substring(page.indexOf("<div class=\"paper-card\">"));
      Document doc = Jsoup.parseBodyFragment(cards);
      assertThat(doc.select("script, b, img")).as(hostile).isEmpty();
      assertThat(doc.select("a")).hasSize(1);
      assertThat(doc.select("a").attr("href")).isEqualTo("http://arxiv.org/abs/2501.00001v1");
      assertThat(doc.select("details")).hasSize(1);
      String shown = hostile.replaceAll("[\\x{00}-\\x{08}\\x{0B}\\x{0C}\\x{0E}-\\x{1F}\\x{7F}-\\x{9F}]", "");
      assertThat(doc.select(".paper-title a").text()).isEqualTo(shown);
      assertThat(doc.select("details.paper-abstract").text()).isEqualTo(shown.strip());
      assertThat(doc.select(".paper-meta").text()).contains("\uD83D\uDD0E keyword \u201c" + shown.strip());
      assertThat(doc.select(".paper-authors").text()).isEqualTo((shown + ", B. Two").strip());
    }
  }

  @Test
  void hostileTextAddsNoElementOrAttributeToAnHtmlPage() {
    for (String hostile : HOSTILE) {
      Document doc = Jsoup.parse(RENDERER.renderPartHtml("llm", "Large language models", "2025_01", 1, 1,
          List.of(entry(hostile))));
      assertThat(doc.select("main script, main b, main img")).as(hostile).isEmpty();
      assertThat(doc.select("main a:not(.url)")).extracting(a -> a.attr("href"))
          .containsOnly("http://arxiv.org/abs/2501.00001v1");
      // A web address in the comment is a link to itself, nothing more (markdown's [x](y) is not followed).
      doc.select("main a.url").forEach(a -> assertThat(a.attr("href")).as(hostile).startsWith("http")
          .isEqualTo(a.text()).doesNotContain("\"", "<", " "));
      String shown = hostile.replaceAll("[\\x{00}-\\x{08}\\x{0B}\\x{0C}\\x{0E}-\\x{1F}\\x{7F}-\\x{9F}]", "");
      assertThat(doc.select("article .authors").text()).isEqualTo((shown + ", B. Two").strip());
      assertThat(doc.select("article .meta").text()).contains("(also " + shown.strip());
    }
  }

  @Test
  void controlCharactersStayOutOfMarkdownAndHtmlPages() {
    String text = "bell\u0007 escape\u001b null\u0000 C1\u0085 tab\tok";
    for (Format f : Format.values()) {
      String page = page(f, text);
      assertThat(page.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'
          || c >= 0x7f && c <= 0x9f).count()).as(f.name()).isZero();
    }
    assertThat(RENDERER.renderPartHtml("llm", "2025_01", 1, 1, List.of(new PageRenderer.Entry(text,
        "http://arxiv.org/abs/2501.00001v1", "2025-01-02", text, text)))).doesNotContain("\u0007", "\u0085");
  }

  @Test
  void aCardWithoutAnAbstractKeepsItsHtmlBlockWhole() {
    var entry = new PageRenderer.Entry("A title", "http://arxiv.org/abs/2501.00001v1", "2025-01-02", null, null);
    String page = RENDERER.renderPart(Format.CARDS, "llm", "2025_01", 1, 1, List.of(entry, entry));
    String cards = page.substring(page.indexOf("<div class=\"paper-card\">"));
    assertThat(cards.lines().filter(String::isBlank).count()).as("no blank line ends the HTML block").isZero();
    var blocks = new ArrayList<Node>();
    MARKDOWN.parse(cards).accept(new AbstractVisitor() {
      @Override
      public void visit(IndentedCodeBlock node) {
        blocks.add(node);
      }

      @Override
      public void visit(FencedCodeBlock node) {
        blocks.add(node);
      }
    });
    assertThat(blocks).as("no part of a card renders as code").isEmpty();
  }

  @Test
  void texQuotesAndAmpersandsStayAsArxivShowsThem() {
    String tex = "Bounds $0.57 \\pm 0.15$ via \\href{https://x.y}{code}, ``quoted'' & \"more\"";
    String table = page(Format.TABLE, tex);
    assertThat(table).contains("**[" + tex + "](http://arxiv.org/abs/2501.00001v1)**");
    String cards = page(Format.CARDS, tex);
    assertThat(cards).contains(">Bounds $0.57 \\pm 0.15$ via \\href{https://x.y}{code}, ``quoted'' &amp; \"more\"<");
  }

  @Test
  void escapersTouchOnlyWhatTheyMust() {
    assertThat(Escapers.markdownCell("a|b<c>d&e$f\\g")).isEqualTo("a\\|b&lt;c&gt;d&e$f\\g");
    assertThat(Escapers.markdownLinkText("[1] x]")).isEqualTo("\\[1\\] x\\]");
    assertThat(Escapers.markdownNoLinks("[1] see [x](y)")).isEqualTo("[1] see [x\\](y)");
    assertThat(Escapers.htmlText("a<b>&\"'")).isEqualTo("a&lt;b&gt;&amp;\"'");
    assertThat(Escapers.markdownBackslashes("\\pm \\href{x} \\_ \\] end\\"))
        .isEqualTo("\\pm \\href{x} \\\\_ \\\\] end\\\\");
    assertThat(Escapers.htmlAttributeQuotes("a\"b'c")).isEqualTo("a&quot;b&#39;c");
    assertThat(Escapers.xml("a<b>&\"'\u0001\u000b\t\n\uFFFE\u00e9"))
        .isEqualTo("a&lt;b&gt;&amp;&quot;&apos;\t\n\u00e9");
  }
}
