package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class IdsTest {

  private static List<Row> check(String... ids) {
    var df = TestSpark.session().createDataset(List.of(ids), Encoders.STRING()).toDF("id");
    var normalized = Ids.normalize(col("id"));
    return df.select(normalized, Ids.isValid(normalized)).collectAsList();
  }

  @Test
  void acceptsNewAndOldStyleIdsAsStrings() {
    var rows = check("2411.14654", "0704.0001", "hep-th/9608091", "math.AG/0101001", "cond-mat/0001001");
    assertThat(rows).allSatisfy(r -> assertThat(r.getBoolean(1)).as(r.getString(0)).isTrue());
    assertThat(rows.get(2).getString(0)).isEqualTo("hep-th/9608091");
  }

  @Test
  void dropsVersionSuffixAndPrefix() {
    var rows = check("2401.00001v2", "arXiv:2401.00001", " hep-th/9901001v3 ");
    assertThat(rows).extracting(r -> r.getString(0))
        .containsExactly("2401.00001", "2401.00001", "hep-th/9901001");
  }

  @Test
  void rejectsWhatIsNoArxivId() {
    var rows = check("abc", "2413.00001", "2401.001", "hep-th/9913001", "HEP-TH/9901001", "2401.000011", "../x");
    assertThat(rows).allSatisfy(r -> assertThat(r.getBoolean(1)).as(r.getString(0)).isFalse());
  }

  @Test
  void yearOfNewAndOldStyleIds() {
    var df = TestSpark.session().createDataset(List.of("0704.0001", "2411.14654", "1501.00001", "hep-th/9108003",
        "math.AG/0101001", "cs/9912001", "cond-mat/0703001"), Encoders.STRING()).toDF("id");
    assertThat(df.select(Ids.year(col("id"))).collectAsList()).extracting(r -> r.getInt(0))
        .containsExactly(2007, 2024, 2015, 1991, 2001, 1999, 2007);
  }
}
