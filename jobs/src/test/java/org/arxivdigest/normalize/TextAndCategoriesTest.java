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
