package org.arxivdigest.publish;

/**
 * Escaping per output format, and no more than needed, so that paper text (TeX, quotes, {@code &}, non-ASCII)
 * stays readable as arXiv shows it while it cannot break a page or inject markup, links or table columns.
 */
public final class Escapers {
  private Escapers() {}

  /**
   * Markdown table cells: {@code |} would end the cell, {@code <} and {@code >} would open HTML; they become
   * {@code \|}, {@code &lt;} and {@code &gt;}.
   */
  public static String markdownCell(String text) {
    var sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '|' -> sb.append("\\|");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The text of a markdown link: brackets would end it early or start another link. */
  public static String markdownLinkText(String text) {
    return text.replace("[", "\\[").replace("]", "\\]");
  }

  /** Markdown text outside a link: {@code [x](url)} would become a link, so {@code ](} loses its meaning. */
  public static String markdownNoLinks(String text) {
    return text.replace("](", "\\](");
  }

  /** HTML text: {@code <}, {@code >} and {@code &}; quotes stay as they are. */
  public static String htmlText(String text) {
    var sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The quotes an HTML attribute value also needs, applied on top of {@link #htmlText}. */
  public static String htmlAttributeQuotes(String escapedText) {
    return escapedText.replace("\"", "&quot;").replace("'", "&#39;");
  }
}
