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
    if (text == null) {
      return null;
    }
    int n = text.length();
    char[] out = new char[n];
    int length = 0;
    int runStart = -1; // start of the run of kept characters being read, copied in bulk when it ends
    boolean visible = false;
    boolean pendingSpace = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      boolean space = isWhiteSpace(c);
      if (space || c == '\u0000') {
        if (runStart >= 0) {
          text.getChars(runStart, i, out, length);
          length += i - runStart;
          runStart = -1;
        }
        pendingSpace |= space;
        continue;
      }
      if (runStart < 0) {
        if (pendingSpace && length > 0) {
          out[length++] = ' ';
        }
        pendingSpace = false;
        runStart = i;
      }
      if (!visible) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          visible = isVisible(Character.toCodePoint(c, text.charAt(++i))); // a pair is one character
        } else {
          visible = isVisible(c);
        }
      }
    }
    if (!visible) {
      return null;
    }
    if (runStart >= 0) {
      text.getChars(runStart, n, out, length);
      length += n - runStart;
    }
    return new String(out, 0, length);
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
