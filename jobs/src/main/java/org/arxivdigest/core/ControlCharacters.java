package org.arxivdigest.core;

/**
 * Control characters (C0 but tab, newline and carriage return; DEL; C1): no page, CSV cell or feed shows them, so
 * every output drops them; the datasets keep the text as it came (NUL aside).
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  public static boolean isControl(int c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
  }

  /** The text without its control characters; the same instance when it has none; null stays null. */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = isControl(c);
      if (control && sb == null) {
        sb = new StringBuilder(text.length()).append(text, 0, i);
      } else if (!control && sb != null) {
        sb.append(c);
      }
    }
    return sb == null ? text : sb.toString();
  }
}
