package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;

import org.apache.spark.sql.Column;

/** Text fields of the dump are hard-wrapped ("\n  ") and padded; analysts and pages want one clean line. */
public final class Text {
  private Text() {}

  /** Collapses every run of whitespace to one space and trims; empty text becomes null. */
  public static Column collapse(Column text) {
    return nullif(trim(regexp_replace(text, "\\s+", " ")), lit(""));
  }
}
