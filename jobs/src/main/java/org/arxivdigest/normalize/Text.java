package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/** Text fields of the dump are hard-wrapped ("\n  ") and padded; analysts and pages want one clean line. */
public final class Text {
  private Text() {}

  /**
   * Collapses every run of whitespace (Unicode's: NBSP, U+3000, U+2028 and the line terminators too) to one space
   * and trims; drops NUL; text with nothing visible left (only whitespace, zero-width and other format characters)
   * becomes null.
   */
  public static Column collapse(Column text) {
    Column collapsed = trim(regexp_replace(regexp_replace(text, "\\x{0000}", ""), "\\p{IsWhite_Space}+", " "));
    return when(collapsed.rlike(VISIBLE), collapsed);
  }

  /** A character that shows: not whitespace, not a format or control character (ZWSP, ZWJ, BOM, NUL ...). */
  static final String VISIBLE = "[^\\p{IsWhite_Space}\\p{Cf}\\p{Cc}]";
}
