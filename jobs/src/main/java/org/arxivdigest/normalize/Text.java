package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.udf;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Text fields of the dump are hard-wrapped ("\n  ") and padded; analysts and pages want one clean line. */
public final class Text {
  private Text() {}

  /**
   * Collapses every run of whitespace (Unicode's: NBSP, U+3000, U+2028 and the line terminators too) to one space
   * and trims; drops NUL; text with nothing visible left (only whitespace, zero-width and other format characters)
   * becomes null.
   */
  public static Column collapse(Column text) {
    return COLLAPSE.apply(text);
  }

  /**
   * One pass over each text, a named function rather than built-ins: the same rule as built-in functions took four
   * to six passes per field (NUL test and removal, a length against octet-length test, a whitespace regex, trim, a
   * visible-character regex) and was a third of {@code ingest.parse}. Measured in bench/RESULTS.md (issue 22); the
   * built-in formulation is kept in TextAndCategoriesTest as the reference this function must agree with.
   */
  private static final UserDefinedFunction COLLAPSE =
      udf((UDF1<String, String>) Text::collapse, DataTypes.StringType).withName("collapse_text");

  /** {@link #collapse(Column)} on one string. */
  static String collapse(String text) {
    return text == null ? null : collapse(text.toCharArray(), 0, text.length());
  }

  /**
   * {@link #collapse(Column)} on {@code length} characters of {@code chars} from {@code offset} (a JSON parser's
   * buffer: the text is collapsed as it is read, without a string of it first).
   */
  public static String collapse(char[] chars, int offset, int length) {
    char[] out = new char[length];
    int n = 0;
    boolean visible = false;
    boolean pendingSpace = false;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c > ' ' && c < 0x7f) { // printable ASCII, nearly all of a dump's text: kept, and visible
        if (pendingSpace && n > 0) {
          out[n++] = ' ';
        }
        pendingSpace = false;
        out[n++] = c;
        visible = true;
        continue;
      }
      boolean space = isWhiteSpace(c);
      if (space || c == '\u0000') {
        pendingSpace |= space;
        continue;
      }
      if (pendingSpace && n > 0) {
        out[n++] = ' ';
      }
      pendingSpace = false;
      out[n++] = c;
      if (!visible) {
        if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
          char low = chars[++i]; // a pair is one character
          visible = isVisible(Character.toCodePoint(c, low));
          out[n++] = low;
        } else {
          visible = isVisible(c);
        }
      }
    }
    return visible ? new String(out, 0, n) : null;
  }

  /** Unicode's White_Space property, as java.util.regex's {@code \p{IsWhite_Space}} decides it. */
  static boolean isWhiteSpace(int c) {
    if (c <= ' ') {
      return c == ' ' || (c >= 0x9 && c <= 0xd);
    }
    if (c < 0x85) {
      return false;
    }
    return c == 0x85 || ((((1 << Character.SPACE_SEPARATOR) | (1 << Character.LINE_SEPARATOR)
        | (1 << Character.PARAGRAPH_SEPARATOR)) >> Character.getType(c)) & 1) != 0;
  }

  /** A character that shows: not whitespace, not a format or control character (ZWSP, ZWJ, BOM, NUL ...). */
  static boolean isVisible(int codePoint) {
    if (codePoint > ' ' && codePoint < 0x7f) {
      return true;
    }
    int type = Character.getType(codePoint);
    return !isWhiteSpace(codePoint) && type != Character.FORMAT && type != Character.CONTROL;
  }
}
