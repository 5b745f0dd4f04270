package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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

  /**
   * The rule as built-in functions wrote it before issue 22's one-pass parser: the named functions must agree with
   * it on any text.
   */
  private static Column builtInCreated(Column created) {
    Column withoutWeekday = regexp_replace(trim(created), "^[A-Za-z]{3},\\s*", "");
    Column core = regexp_extract(withoutWeekday,
        "^(\\d{1,2} [A-Za-z]{3} \\d{4} \\d{2}:\\d{2}:\\d{2}) (GMT|UTC|\\+0000)$", 1);
    Column at = try_to_timestamp(concat(core, lit(" +0000")), lit("d MMM yyyy HH:mm:ss Z"));
    return when(year(at).between(Versions.FIRST_YEAR, Versions.LAST_YEAR), at);
  }

  private static Column builtInNumber(Column label) {
    return regexp_extract(label, "\\A\\p{IsWhite_Space}*v([1-9][0-9]{0,5})\\p{IsWhite_Space}*\\z", 1)
        .try_cast("int");
  }

  private static Column builtInParse(Column rawVersions) {
    return sort_array(transform(rawVersions, v -> struct(
        builtInNumber(v.getField("version")).as("version"),
        builtInCreated(v.getField("created")).as("submitted_at"))));
  }

  /** 3,000 texts of 0-9 pieces from a fixed seed: real dates, their near misses and hostile characters. */
  private static List<String> hostile(String[] pieces, int seed) {
    var random = new java.util.Random(seed);
    var values = new java.util.ArrayList<String>();
    for (int i = 0; i < 3000; i++) {
      var sb = new StringBuilder();
      for (int k = random.nextInt(10); k > 0; k--) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      values.add(sb.toString());
    }
    return values;
  }

  @Test
  void onePassDatesAndLabelsAgreeWithTheBuiltInRule() {
    String[] datePieces = {"Mon, ", "Mon,", "Thu,\t", "Tue,\n", "Xy, ", "Mo, ", " ", "  ", "\u00a0", "\n", "\r\n",
        "\r", "\u2028", "\u0085", "2 Apr 2007 19:18:42 GMT", "29 Feb 2024 00:00:00 UTC", "29 Feb 2023 00:00:00 GMT",
        "31 Dec 2099 23:59:59 +0000", "1 Jan 2100 00:00:00 GMT", "31 Dec 1985 23:59:59 GMT", "1 Jan 1986 00:00:00 GMT",
        "02 apr 2007 19:18:42 GMT", "2 APR 2007 19:18:42 GMT", "31 Jun 2010 10:00:00 GMT", "2 Sept 2007 19:18:42 GMT",
        "2 Apr 2007 24:00:00 GMT", "2 Apr 2007 23:60:00 GMT", "2 Apr 2007 23:59:60 GMT", "0 Apr 2007 10:00:00 GMT",
        "123 Apr 2007 10:00:00 GMT", "2 Apr 2007 19:18:42 EST", "2 Apr 2007 19:18:42 gmt", "2 Apr 07 19:18:42 GMT",
        "2 Apr 2007 9:18:42 GMT", "2007-04-02T19:18:42Z", "2 Apr 2007", " GMT", "GMT", "19:18:42", "2", "12", "Apr",
        "\uff12 Apr 2007 19:18:42 GMT", "Sat, 1 Feb 2025 22:39:04 GMT"};
    String[] labelPieces = {"v", "V", "1", "0", "9", "12", "123456", "1234567", " ", "\t", "\n", "\u2028", "\u00a0",
        "\u3000", "\u200b", "\uff11", "-", "+", "x"};
    var dates = new java.util.ArrayList<>(hostile(datePieces, 22));
    dates.addAll(List.of(datePieces));
    // Dates built field by field, each field right or a near miss.
    String[][] fields = {{"", "", "Mon, ", "Fri,  ", "Wed,\t", "Mo, ", " "},
        {"1", "2", "09", "29", "30", "31", "0", "32", "123"},
        {" "}, {"Jan", "Feb", "feb", "FEB", "Apr", "Jun", "Sep", "Dec", "Foo", "Ma"}, {" "},
        {"1985", "1986", "2000", "2023", "2024", "2099", "2100", "07"},
        {" "}, {"00", "12", "23", "24", "9"}, {":"}, {"00", "59", "60"}, {":"}, {"00", "42", "59", "60"}, {" "},
        {"GMT", "GMT", "UTC", "+0000", "EST", "gmt", "Z"}, {"", "", "", " ", "\n", "\r\n", "\n\n", "\u2028", " \n"}};
    var random = new java.util.Random(21);
    for (int i = 0; i < 4000; i++) {
      var sb = new StringBuilder();
      for (String[] field : fields) {
        sb.append(field[random.nextInt(field.length)]);
      }
      dates.add(sb.toString());
    }
    var labels = new java.util.ArrayList<>(hostile(labelPieces, 23));
    labels.add(null);
    String[][] labelFields = {{"", "", " ", "\t\n", "\u2028", "\u200b"}, {"v", "v", "V", ""},
        {"1", "2", "10", "0", "01", "999999", "1000000", "\uff11", "1.5"}, {"", "", " ", "\n", "\u3000", "x"}};
    for (int i = 0; i < 2000; i++) {
      var sb = new StringBuilder();
      for (String[] field : labelFields) {
        sb.append(field[random.nextInt(field.length)]);
      }
      labels.add(sb.toString());
    }
    dates.add(null);
    var spark = TestSpark.session();
    List<Row> dateRows = spark.createDataset(dates, Encoders.STRING()).toDF("v")
        .select(col("v"), Versions.parseCreated(col("v")), builtInCreated(col("v"))).collectAsList();
    List<Row> labelRows = spark.createDataset(labels, Encoders.STRING()).toDF("v")
        .select(col("v"), Versions.number(col("v")), builtInNumber(col("v"))).collectAsList();
    long parsed = 0;
    for (Row r : dateRows) {
      assertThat(r.get(1)).as("created %s", r.get(0)).isEqualTo(r.get(2));
      parsed += r.isNullAt(1) ? 0 : 1;
    }
    long numbered = 0;
    for (Row r : labelRows) {
      assertThat(r.get(1)).as("label %s", r.get(0)).isEqualTo(r.get(2));
      numbered += r.isNullAt(1) ? 0 : 1;
    }
    // Both outcomes are exercised, not only null.
    assertThat(parsed).isBetween(30L, dates.size() - 30L);
    assertThat(numbered).isBetween(30L, labels.size() - 30L);
  }

  @Test
  void onePassArraysAgreeWithTheBuiltInRuleIncludingOrderAndNullElements() {
    var schema = new StructType().add("versions", DataTypes.createArrayType(
        new StructType().add("version", DataTypes.StringType).add("created", DataTypes.StringType), true));
    var random = new java.util.Random(24);
    String[] labels = {"v1", "v2", "v3", "v10", " v2 ", "v0", "x", null};
    String[] dates = {"Mon, 2 Apr 2007 19:18:42 GMT", "Tue, 3 Apr 2007 10:00:00 GMT", "1 Jan 2001 00:00:00 GMT",
        "30 Feb 2007 10:00:00 GMT", "", null};
    var rows = new java.util.ArrayList<Row>();
    for (int i = 0; i < 500; i++) {
      int n = random.nextInt(6) - 1;
      if (n < 0) {
        rows.add(RowFactory.create((Object) null));
        continue;
      }
      var versions = new java.util.ArrayList<Row>();
      for (int k = 0; k < n; k++) {
        versions.add(random.nextInt(12) == 0 ? null
            : RowFactory.create(labels[random.nextInt(labels.length)], dates[random.nextInt(dates.length)]));
      }
      rows.add(RowFactory.create(versions));
    }
    var df = TestSpark.session().createDataFrame(rows, schema);
    var both = df.select(Versions.parse(col("versions")).as("fast"), builtInParse(col("versions")).as("ref"));
    assertThat(both.schema().apply("fast").dataType()).isEqualTo(both.schema().apply("ref").dataType());
    for (Row r : both.collectAsList()) {
      assertThat(r.get(0)).isEqualTo(r.get(1));
    }
  }
}
