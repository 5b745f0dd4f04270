package org.arxivdigest.publish;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.arxivdigest.config.Topic.Format;
import org.arxivdigest.normalize.TexAccents;

/**
 * Renders digest pages from the templates under {@code templates/}, in the two formats of the sites we replace.
 * Serializable so that Spark ships it to the executors; the compiled templates are made once per JVM.
 */
public final class PageRenderer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Entries per page part, as the sites. */
  public static final int PART_SIZE = 100;

  /** Authors an entry shows before "et al."; the abstract's fold has them all. */
  public static final int SHOWN_AUTHORS = 10;

  private static final java.util.regex.Pattern WITHDRAWN = java.util.regex.Pattern.compile(
      "(?i)\\bwithdrawn\\b");

  /**
   * The paper of an entry: its arXiv id and version, authors in order (display names), primary category and all
   * its categories. Any part may be null or empty (a record without them).
   */
  public record About(String id, Integer version, List<String> authors, String primaryCategory,
                      List<String> categories) {}

  /** One entry of a page, as it comes from the listing (plain text; the renderer escapes). */
  public record Entry(String title, String link, String date, String abstractText, String comment, String why,
                      About about) {
    /** An entry that does not say why it is listed (the sites' pages never do), nor who wrote it. */
    public Entry(String title, String link, String date, String abstractText, String comment) {
      this(title, link, date, abstractText, comment, null, null);
    }

    /** An entry without its paper's authors and categories. */
    public Entry(String title, String link, String date, String abstractText, String comment, String why) {
      this(title, link, date, abstractText, comment, why, null);
    }
  }

  /** A link to a part in the navigation; the current part is not linked. */
  public record PartLink(int n, boolean current) {}

  /** The navigation of part {@code part} of {@code parts}. */
  private static List<PartLink> partLinks(int part, int parts) {
    var links = new ArrayList<PartLink>(parts);
    for (int n = 1; n <= parts; n++) {
      links.add(new PartLink(n, n == part));
    }
    return links;
  }

  /**
   * What a template sees of an entry: text escaped for its place. {@code authors}: the first
   * {@value #SHOWN_AUTHORS}, then "et al."; {@code allAuthors}: every one, only when there are more; {@code paper}:
   * the id and version ("2501.00001v2"); {@code crossLists}: the categories beside the primary one;
   * {@code withdrawn}: the comment says the paper was withdrawn.
   */
  public record EntryView(String title, String link, String date, String abstractText, String comment, String why,
                          String authors, String allAuthors, String paper, String primary, String crossLists,
                          boolean withdrawn, List<Piece> commentPieces) {}

  /** A piece of a comment on the HTML pages: plain text, or a web address shown as a link ({@code url} set). */
  public record Piece(String text, String url) {}

  /** http(s) addresses in a comment; a trailing full stop, comma, colon, semicolon or closing bracket is not part. */
  private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
      "https?://[^\\s<>\"'`{}|\\\\^]+?(?=[.,;:!?)\\]]*(?:\\s|$))");

  /** A comment cut into text and links (null when there is no comment). */
  static List<Piece> pieces(String comment) {
    if (comment == null || comment.isEmpty()) {
      return null;
    }
    var out = new ArrayList<Piece>();
    var m = URL.matcher(comment);
    int at = 0;
    while (m.find()) {
      if (m.start() > at) {
        out.add(new Piece(comment.substring(at, m.start()), null));
      }
      out.add(new Piece(m.group(), m.group()));
      at = m.end();
    }
    if (at < comment.length()) {
      out.add(new Piece(comment.substring(at), null));
    }
    return out;
  }

  /** {@code 2026_05} as "May 2026". */
  public static String readableMonth(String month) {
    return java.time.Month.of(Integer.parseInt(month.substring(5, 7)))
        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + month.substring(0, 4);
  }

  /** Whether an arXiv comment says the paper was withdrawn ("This paper has been withdrawn by the author"). */
  static boolean withdrawn(String comment) {
    return comment != null && WITHDRAWN.matcher(comment).find();
  }

  /**
   * An entry's view, each text through {@code text}; authors only when {@code withAuthors}. Title, abstract and
   * comment show TeX's accents as letters ({@link TexAccents}: "Fr\\'echet" reads "Fréchet"), as arXiv's own pages
   * do; the rest of their TeX is kept as written. Authors come as display names, already so.
   */
  private static EntryView view(Entry e, UnaryOperator<String> title, UnaryOperator<String> text,
                                boolean withAuthors) {
    String comment = TexAccents.toUnicode(e.comment());
    About about = e.about();
    List<String> names = about == null || about.authors() == null ? List.of() : about.authors();
    String authors = null;
    String allAuthors = null;
    if (withAuthors && !names.isEmpty()) {
      authors = String.join(", ", names.subList(0, Math.min(SHOWN_AUTHORS, names.size())))
          + (names.size() > SHOWN_AUTHORS ? " et al." : "");
      allAuthors = names.size() > SHOWN_AUTHORS ? String.join(", ", names) : null;
    }
    String paper = about == null || about.id() == null ? null
        : about.id() + (about.version() == null ? "" : "v" + about.version());
    String primary = about == null ? null : about.primaryCategory();
    String crossLists = null;
    if (about != null && about.categories() != null) {
      var others = about.categories().stream().filter(c -> !c.equals(primary)).toList();
      crossLists = others.isEmpty() ? null : String.join(", ", others);
    }
    return new EntryView(title.apply(TexAccents.toUnicode(e.title())), e.link(), e.date(),
        text.apply(nullToEmpty(TexAccents.toUnicode(e.abstractText()))), blankToNull(comment, text),
        blankToNull(e.why(), text), blankToNull(authors, text), blankToNull(allAuthors, text), paper,
        primary == null ? null : text.apply(primary), blankToNull(crossLists, text), withdrawn(comment),
        pieces(comment));
  }

  private final SiteLinks links;

  public PageRenderer(SiteLinks links) {
    this.links = links;
  }

  public PageRenderer(String siteUrl) {
    this(new SiteLinks(siteUrl));
  }

  /** Part {@code part} of {@code parts} of a topic's month, in the sites' format (without authors). */
  public String renderPart(Format format, String topic, String month, int part, int parts, List<Entry> entries) {
    return renderPart(format, topic, month, part, parts, entries, false);
  }

  /**
   * Part {@code part} of {@code parts} of a topic's month; {@code withAuthors}: each entry shows its authors (the
   * topic's {@code authors} option), otherwise the entries are exactly the sites'.
   */
  public String renderPart(Format format, String topic, String month, int part, int parts, List<Entry> entries,
                           boolean withAuthors) {
    List<PartLink> partLinks = partLinks(part, parts);
    UnaryOperator<String> linkText = format == Format.TABLE ? Escapers::markdownLinkText : t -> t;
    UnaryOperator<String> plain = format == Format.TABLE ? Escapers::markdownNoLinks : t -> t;
    var views = new ArrayList<EntryView>(entries.size());
    for (Entry e : entries) {
      views.add(view(e, linkText, plain, withAuthors));
    }
    Map<String, Object> scope = Map.of(
        "topic", topic,
        "month", month,
        "siteUrl", links.root(SiteLinks.MONTH_PAGE_DEPTH),
        "parts", partLinks,
        "entries", views,
        "attr", (Function<String, String>) Escapers::htmlAttributeQuotes);
    return render(format == Format.TABLE ? Templates.TABLE : Templates.CARDS, scope);
  }

  /** As {@link #renderPartHtml(String, String, String, int, int, List, List)}: the slug as the topic's name. */
  public String renderPartHtml(String topic, String month, int part, int parts, List<Entry> entries) {
    return renderPartHtml(topic, topic, month, part, parts, entries, List.of());
  }

  /** As {@link #renderPartHtml(String, String, String, int, int, List, List)} for a month without trending terms. */
  public String renderPartHtml(String topic, String name, String month, int part, int parts, List<Entry> entries) {
    return renderPartHtml(topic, name, month, part, parts, entries, List.of());
  }

  /**
   * The HTML twin of a part: the same entries, as cards, with authors, id and categories, links relative to the
   * page (the HTML site works from any folder, file:// included), the topic's feed announced in the head; headed
   * with the topic's name and the month in words ("Large language models — May 2026"), then the month's trending
   * terms ({@code trending}, by rank; none: no section).
   */
  public String renderPartHtml(String topic, String name, String month, int part, int parts, List<Entry> entries,
                               List<TrendingView.Term> trending) {
    List<PartLink> partLinks = partLinks(part, parts);
    var views = new ArrayList<EntryView>(entries.size());
    for (Entry e : entries) {
      views.add(view(e, t -> t, t -> t, true));
    }
    String root = SiteLinks.relativeRoot(SiteLinks.MONTH_PAGE_DEPTH);
    var scope = new java.util.HashMap<String, Object>();
    String heading = name + " \u2014 " + readableMonth(month);
    scope.put("pageTitle", heading + (parts > 1 ? " (part " + part + " of " + parts + ")" : ""));
    scope.put("heading", heading);
    scope.put("name", name);
    scope.put("topic", topic);
    scope.put("month", month);
    scope.put("monthName", readableMonth(month));
    scope.put("math", true); // TeX in titles and abstracts, drawn by MathJax (MathAssets)
    scope.put("root", root);
    scope.put("feed", root + "/feeds/" + topic + ".xml");
    scope.put("parts", partLinks);
    scope.put("entries", views);
    scope.put("hasTrending", !trending.isEmpty());
    scope.put("trending", trending);
    scope.put("attr", (Function<String, String>) Escapers::htmlAttributeQuotes);
    return render(Templates.HTML_PART, scope);
  }

  /** A topic's HTML page: chart, feed, months with their parts. */
  String renderTopicHtml(IndexViews.TopicView topic) {
    String root = SiteLinks.relativeRoot(SiteLinks.TOPIC_README_DEPTH);
    var page = new java.util.HashMap<String, Object>();
    page.put("root", root);
    page.put("pageTitle", topic.topic());
    page.put("feed", root + "/feeds/" + topic.topic() + ".xml");
    page.put("attr", (Function<String, String>) Escapers::htmlAttributeQuotes);
    return render(Templates.HTML_TOPIC, page, topic);
  }

  /** The site's HTML index ({@code depth} 0) or the papers folder's ({@code depth} 1). */
  String renderIndexHtml(IndexViews.IndexView index, int depth) {
    var page = new java.util.HashMap<String, Object>();
    page.put("root", SiteLinks.relativeRoot(depth));
    page.put("pageTitle", depth == 0 ? "Topics" : "Papers");
    page.put("attr", (Function<String, String>) Escapers::htmlAttributeQuotes);
    return render(Templates.HTML_INDEX, page, index);
  }

  /** An SVG chart ({@link Charts#scope}). */
  public static String renderChart(Map<String, Object> scope) {
    return render(Templates.CHART, scope);
  }

  /** An Atom feed ({@link Feeds}). */
  static String renderFeed(Feeds.Feed feed) {
    return render(Templates.ATOM, feed);
  }

  /** A topic's README: per-month counts and links to every part. */
  String renderTopicReadme(IndexViews.TopicView topic) {
    return render(Templates.TOPIC_README, Map.of("siteUrl", links.root(SiteLinks.TOPIC_README_DEPTH)), topic);
  }

  /** The site's README ({@code depth} 0) or the papers folder's ({@code depth} 1): the topics and their totals. */
  String renderIndex(IndexViews.IndexView index, int depth) {
    return render(Templates.INDEX, Map.of("siteUrl", links.root(depth)), index);
  }

  /** Renders a view ({@code view}) on a page's own values ({@code page}: links, title), the view's first. */
  private static String render(Mustache template, Map<String, Object> page, Object view) {
    var out = new StringWriter();
    template.execute(out, new Object[] {page, view});
    return out.toString();
  }

  static String render(Mustache template, Object scope) {
    var out = new StringWriter();
    template.execute(out, scope);
    return out.toString();
  }

  private static String blankToNull(String s, UnaryOperator<String> escape) {
    return s == null || s.isEmpty() ? null : escape.apply(s);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** A factory whose encoding is the given escaper instead of mustache's HTML default. */
  static final class EscapingFactory extends DefaultMustacheFactory {
    private final UnaryOperator<String> escaper;

    EscapingFactory(UnaryOperator<String> escaper) {
      super("templates");
      this.escaper = escaper;
    }

    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(escaper.apply(value));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Compiled once per JVM (driver or executor). */
  static final class Templates {
    private Templates() {}

    static final DefaultMustacheFactory MARKDOWN = new EscapingFactory(Escapers::markdownCell);
    static final DefaultMustacheFactory HTML = new EscapingFactory(Escapers::htmlText);

    static final Mustache TABLE = MARKDOWN.compile("papers-table.md.mustache");
    static final Mustache CARDS = HTML.compile("papers-cards.md.mustache");
    static final Mustache TOPIC_README = MARKDOWN.compile("topic-readme.md.mustache");
    static final Mustache INDEX = MARKDOWN.compile("index-readme.md.mustache");
    static final Mustache HTML_PART = HTML.compile("html/part.html.mustache");
    static final Mustache HTML_TOPIC = HTML.compile("html/topic.html.mustache");
    static final Mustache HTML_INDEX = HTML.compile("html/index.html.mustache");
    static final DefaultMustacheFactory XML = new EscapingFactory(Escapers::xml);
    static final Mustache CHART = XML.compile("chart.svg.mustache");
    static final Mustache ATOM = XML.compile("atom.xml.mustache");
  }
}
