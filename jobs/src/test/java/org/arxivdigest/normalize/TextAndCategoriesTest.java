package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class TextAndCategoriesTest {

  private static List<Row> apply(org.apache.spark.sql.Column expr, String... values) {
    var df = TestSpark.session().createDataset(Arrays.asList(values), Encoders.STRING()).toDF("v");
    return df.select(expr).collectAsList();
  }

  @Test
  void collapsesHardWrappedTextToOneLine() {
    var rows = apply(Text.collapse(col("v")),
        "Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies",
        "  A fully differential calculation\nis presented.\n", "   ", null,
        "one\ttab,  two spaces, a \n\t run,\u000Bvertical,\fform feed\r\nend");
    assertThat(rows.get(0).getString(0))
        .isEqualTo("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
    assertThat(rows.get(1).getString(0)).isEqualTo("A fully differential calculation is presented.");
    assertThat(rows.get(2).isNullAt(0)).isTrue();
    assertThat(rows.get(3).isNullAt(0)).isTrue();
    assertThat(rows.get(4).getString(0)).isEqualTo("one tab, two spaces, a run, vertical, form feed end");
  }

  @Test
  void unicodeWhitespaceCollapsesNulGoesAndInvisibleTextIsNull() {
    var rows = apply(Text.collapse(col("v")),
        "non\u00a0breaking\u3000ideographic\u2028line\u0085next  na\u00efve",
        "a NUL\u0000 byte",
        "\u00a0\u3000\u200b\u2028",
        "\u0007\u200d",
        "plain ASCII");
    assertThat(rows.get(0).getString(0)).isEqualTo("non breaking ideographic line next na\u00efve");
    assertThat(rows.get(1).getString(0)).isEqualTo("a NUL byte");
    assertThat(rows.get(2).isNullAt(0)).as("only invisible characters").isTrue();
    assertThat(rows.get(3).isNullAt(0)).as("a control and a zero-width joiner").isTrue();
    assertThat(rows.get(4).getString(0)).isEqualTo("plain ASCII");
  }

  /**
   * The rule as built-in functions wrote it before issue 22 (NUL removed, whitespace runs to one space by regex,
   * trimmed, null unless a visible character is left): the one-pass function must agree with it on any text.
   */
  private static org.apache.spark.sql.Column builtInCollapse(org.apache.spark.sql.Column text) {
    var withoutNul = org.apache.spark.sql.functions.regexp_replace(text, "\\x{0000}", "");
    var collapsed = org.apache.spark.sql.functions.trim(
        org.apache.spark.sql.functions.regexp_replace(withoutNul, "\\p{IsWhite_Space}+", " "));
    return org.apache.spark.sql.functions.when(collapsed.rlike("[^\\p{IsWhite_Space}\\p{Cf}\\p{Cc}]"), collapsed);
  }

  @Test
  void onePassCollapseAgreesWithTheBuiltInRuleOnRandomHostileText() {
    // Whitespace of every kind, NUL, controls, format characters (BMP and supplementary), a lone surrogate,
    // letters, TeX and non-ASCII: 2,000 strings of 0-12 pieces, a fixed seed.
    String[] pieces = {" ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u0085", "\u00a0", "\u1680", "\u2003",
        "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\u0000", "\u0007", "\u001c", "\u007f", "\u200b",
        "\u200d", "\ufeff", "\u00ad", "\uDB40\uDC01", "\uD800", "a", "LLM", "$\\alpha$", "na\u00efve", "\u65e5",
        "\uD83D\uDE00", "|", "<b>"};
    var random = new java.util.Random(22);
    var values = new String[2000];
    for (int i = 0; i < values.length; i++) {
      var sb = new StringBuilder();
      for (int k = random.nextInt(13); k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      values[i] = sb.toString();
    }
    var df = TestSpark.session().createDataset(Arrays.asList(values), Encoders.STRING()).toDF("v");
    List<Row> rows = df.select(col("v"), Text.collapse(col("v")).as("fast"), builtInCollapse(col("v")).as("ref"))
        .collectAsList();
    assertThat(rows).hasSize(values.length);
    long nulls = 0;
    for (Row r : rows) {
      assertThat(r.getString(1)).as("collapse of the code points %s",
          r.getString(0).codePoints().mapToObj(Integer::toHexString).toList()).isEqualTo(r.getString(2));
      nulls += r.isNullAt(2) ? 1 : 0;
    }
    assertThat(nulls).as("some texts have nothing visible, most do").isBetween(50L, 1500L);
  }

  @Test
  void splitsCategoriesWithPrimaryFirstAndArchives() {
    var cats = Categories.split(col("v"));
    var rows = apply(org.apache.spark.sql.functions.struct(cats.as("c"), Categories.primary(cats).as("p"),
        Categories.archives(cats).as("a")), "cs.CL cs.AI stat.ML", "hep-th", " physics.optics  physics.app-ph ", "",
        null);
    Row first = rows.get(0).getStruct(0);
    assertThat(first.getList(0)).containsExactly("cs.CL", "cs.AI", "stat.ML");
    assertThat(first.getString(1)).isEqualTo("cs.CL");
    assertThat(first.getList(2)).containsExactly("cs", "stat");
    assertThat(rows.get(1).getStruct(0).getList(2)).containsExactly("hep-th");
    assertThat(rows.get(2).getStruct(0).getList(2)).containsExactly("physics");
    assertThat(rows.get(3).getStruct(0).getList(0)).isEmpty();
    assertThat(rows.get(3).getStruct(0).isNullAt(1)).isTrue();
    assertThat(rows.get(4).getStruct(0).getList(0)).isEmpty();
  }
}
