package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** arXiv identifiers: new style {@code 2411.14654}, old style {@code hep-th/9901001}; always strings. */
public final class Ids {
  private Ids() {}

  /** YYMM.NNNN (2007-04 .. 2014-12) or YYMM.NNNNN (since 2015). */
  static final String NEW_STYLE = "[0-9]{2}(0[1-9]|1[0-2])\\.[0-9]{4,5}";
  /** archive[.SUBJECT]/YYMMNNN, e.g. hep-th/9608091, math.AG/0101001. */
  static final String OLD_STYLE = "[a-z]+(-[a-z]+)?(\\.[A-Z]{2})?/[0-9]{2}(0[1-9]|1[0-2])[0-9]{3}";
  /** The whole string, {@code \\z}-anchored: Java's {@code $} would also match before a final line terminator. */
  public static final String VALID = "\\A(" + NEW_STYLE + "|" + OLD_STYLE + ")\\z";

  /**
   * Around an id: any Unicode whitespace or line terminator (NBSP, U+2028, U+0085, CR LF, ...), zero-width space
   * and BOM. Spark's {@code trim} removes only spaces.
   */
  static final String SPACE = "[\\p{IsWhite_Space}\\x{200B}\\x{FEFF}]";

  /**
   * Trims ({@link #SPACE}), and drops an {@code arXiv:} prefix and a version suffix ({@code 2401.00001v2} is paper
   * 2401.00001).
   */
  public static Column normalize(Column id) {
    Column trimmed = regexp_replace(id, "\\A" + SPACE + "+|" + SPACE + "+\\z", "");
    return regexp_replace(regexp_replace(trimmed, "\\A(?i)arxiv:", ""), "v[0-9]+\\z", "");
  }

  public static Column isValid(Column normalizedId) {
    return normalizedId.rlike(VALID);
  }

  /** The distinct years ({@link #year}) of the ids of {@code rows} (column {@code id}): a few dozen at most. */
  public static java.util.SortedSet<Integer> years(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
    var years = new java.util.TreeSet<Integer>();
    rows.select(year(org.apache.spark.sql.functions.col(org.arxivdigest.schema.Columns.ID))).distinct().collectAsList()
        .forEach(r -> years.add(r.getInt(0)));
    return years;
  }

  /** Old-style ids ran from 1991-08 to 2007-03: their two-digit years from 91 are of the 1900s. */
  private static final int FIRST_YEAR_OF_1900S = 91;

  /**
   * The year a valid id was given ({@code 2411.14654}: 2024; {@code hep-th/9608091}: 1996): fixed for the paper's
   * life, the partition of {@code papers} (a merge rewrites only the years of the ids it touches).
   */
  public static Column year(Column validId) {
    Column yy = substring(substring_index(validId, "/", -1), 1, 2).cast("int");
    return when(yy.geq(lit(FIRST_YEAR_OF_1900S)), yy.plus(lit(1900))).otherwise(yy.plus(lit(2000)));
  }
}
