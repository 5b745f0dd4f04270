package org.arxivdigest.publish;

import org.arxivdigest.core.ControlCharacters;

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
    return replace(text, c -> switch (c) {
      case '|' -> "\\|";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      default -> ControlCharacters.isControl(c) ? "" : null;
    });
  }

  /**
   * In markdown a backslash before ASCII punctuation escapes it, and one at the end of a text escapes what follows
   * it on the page: {@code \](} would close a link text and open a link of the text's choosing. Such a backslash is
   * doubled, so that it shows as itself; a backslash before anything else ({@code \pm}, {@code \href}) has no
   * meaning in markdown and stays byte for byte as arXiv shows it.
   */
  public static String markdownBackslashes(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    var sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      sb.append(c);
      if (c == '\\' && (i + 1 == text.length() || asciiPunctuation(text.charAt(i + 1)))) {
        sb.append('\\');
      }
    }
    return sb.toString();
  }

  private static boolean asciiPunctuation(char c) {
    return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
  }

  /** Each char for which {@code replacement} gives a string becomes that string; the others stay. */
  private static String replace(String text, java.util.function.IntFunction<String> replacement) {
    var sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String r = replacement.apply(c);
      if (r == null) {
        sb.append(c);
      } else {
        sb.append(r);
      }
    }
    return sb.toString();
  }

  /** The text of a markdown link: brackets would end it early or start another link. */
  public static String markdownLinkText(String text) {
    return markdownBackslashes(text).replace("[", "\\[").replace("]", "\\]");
  }

  /** Markdown text outside a link: {@code [x](url)} would become a link, so {@code ](} loses its meaning. */
  public static String markdownNoLinks(String text) {
    return markdownBackslashes(text).replace("](", "\\](");
  }

  /** HTML text: {@code <}, {@code >} and {@code &}; quotes stay as they are. */
  public static String htmlText(String text) {
    return replace(text, c -> switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      default -> ControlCharacters.isControl(c) ? "" : null;
    });
  }

  /** The quotes an HTML attribute value also needs, applied on top of {@link #htmlText}. */
  public static String htmlAttributeQuotes(String escapedText) {
    return escapedText.replace("\"", "&quot;").replace("'", "&#39;");
  }

  /**
   * XML text and attribute values (Atom feeds, SVG charts): the five predefined entities, and the characters XML
   * 1.0 does not allow at all (controls other than tab, newline and carriage return; U+FFFE, U+FFFF) dropped.
   */
  public static String xml(String text) {
    return replace(text, c -> switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      case '"' -> "&quot;";
      case '\'' -> "&apos;";
      case '\t', '\n', '\r' -> null;
      default -> c < 0x20 || c == 0xFFFE || c == 0xFFFF ? "" : null;
    });
  }
}
