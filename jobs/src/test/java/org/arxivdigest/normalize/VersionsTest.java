package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class VersionsTest {

  private static Row parse(String created) {
    var df = TestSpark.session().createDataset(List.of(created), Encoders.STRING()).toDF("created");
    var at = Versions.parseCreated(col("created"));
    return df.select(at.as("at"), org.apache.spark.sql.functions.to_date(at).as("date"), VersionRows.month(at).as("m"))
        .first();
  }

  @Test
  void parsesRfc1123WithUnpaddedDayIntoUtc() {
    Row row = parse("Mon, 2 Apr 2007 19:18:42 GMT");
    assertThat(row.getTimestamp(0).toInstant()).isEqualTo(Instant.parse("2007-04-02T19:18:42Z"));
  }

  @Test
  void lateEveningGmtStaysInItsUtcDayAndMonth() {
    Row row = parse("Sat, 1 Feb 2025 22:39:04 GMT");
    assertThat(row.getTimestamp(0)).isEqualTo(Timestamp.from(Instant.parse("2025-02-01T22:39:04Z")));
    assertThat(row.getDate(1)).isEqualTo(Date.valueOf("2025-02-01"));
    assertThat(row.getString(2)).isEqualTo("2025_02");
  }

  @Test
  void acceptsTwoDigitDaysAndNoWeekday() {
    assertThat(parse("Thu, 31 Dec 2015 23:59:59 GMT").getString(2)).isEqualTo("2015_12");
    assertThat(parse("14 Aug 1996 12:00:00 GMT").getString(2)).isEqualTo("1996_08");
  }

  @Test
  void impossibleOrForeignDatesAreNull() {
    assertThat(parse("Fri, 30 Feb 2007 10:00:00 GMT").isNullAt(0)).isTrue();
    assertThat(parse("2007-04-02T19:18:42Z").isNullAt(0)).isTrue();
    assertThat(parse("Mon, 2 Apr 2007 19:18:42 EST").isNullAt(0)).isTrue();
    assertThat(parse("Mon, 2 Foo 2007 19:18:42 GMT").isNullAt(0)).isTrue();
    assertThat(parse("").isNullAt(0)).isTrue();
  }

  @Test
  void versionLabelsAreNumbers() {
    var df = TestSpark.session().createDataset(List.of("v1", "v12", " v3 ", "v0", "V2", "1", "v", "v4\n",
            "\u2028v5", "v6\nv7"), Encoders.STRING())
        .toDF("label");
    var numbers = df.select(Versions.number(col("label"))).collectAsList().stream()
        .map(r -> r.isNullAt(0) ? null : r.getInt(0)).toList();
    // Whitespace and line terminators around a label are trimmed; inside it, the label is not a number.
    assertThat(numbers).containsExactly(1, 12, 3, null, null, null, null, 4, 5, null);
  }
}
