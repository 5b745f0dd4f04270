package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.Csv;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paper text with commas, quotes, newlines and non-ASCII survives a CSV extract unchanged. */
class CsvFilesTest {
  @TempDir Path dir;

  private static final StructType SCHEMA = new StructType()
      .add("topic", DataTypes.StringType).add("n", DataTypes.IntegerType).add("title", DataTypes.StringType)
      .add("score", DataTypes.DoubleType).add("at", DataTypes.TimestampType);

  private static final List<String> HOSTILE = List.of(
      "plain",
      "a, b, and c",
      "She said \"hi\", then left",
      "two\nlines\r\nand a CR\rend",
      "\"starts with a quote",
      "  spaces kept  ",
      "Schrödinger's ∂x/∂t — naïve 数学 \uD83D\uDE80",
      "$\\|v\\|_2$ | pipes ; semicolons \t tabs",
      "");

  @Test
  void hostileTextRoundTripsOneFilePerKeySortedWithAHeader() throws IOException {
    var rows = new ArrayList<Row>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      rows.add(RowFactory.create(i % 2 == 0 ? "even" : "odd", i, HOSTILE.get(i), i == 0 ? null : i / 3.0,
          Timestamp.valueOf("2025-05-0" + (1 + i % 9) + " 10:20:30")));
    }
    var data = TestSpark.session().createDataFrame(rows, SCHEMA);
    Path out = dir.resolve("extracts");
    CsvFiles.write(data, SCHEMA, col("topic"), new Column[] {col("n").desc()}, out.toString(),
        List.of("even", "odd", "empty"));

    assertThat(Files.readString(out.resolve("empty.csv"))).isEqualTo("topic,n,title,score,at\r\n");
    var seen = new ArrayList<Integer>();
    for (String key : List.of("even", "odd")) {
      String text = Files.readString(out.resolve(key + ".csv"), StandardCharsets.UTF_8);
      assertThat(text).startsWith("topic,n,title,score,at\r\n");
      List<CSVRecord> records = Csv.read(out.resolve(key + ".csv"));
      int previous = Integer.MAX_VALUE;
      for (CSVRecord r : records) {
        int n = Integer.parseInt(r.get("n"));
        assertThat(n).as("sorted by n, descending").isLessThan(previous);
        previous = n;
        seen.add(n);
        assertThat(r.get("topic")).isEqualTo(key);
        assertThat(r.get("title")).isEqualTo(HOSTILE.get(n).isEmpty() ? null : HOSTILE.get(n));
        assertThat(r.get("score")).isEqualTo(n == 0 ? null : String.valueOf(n / 3.0));
        assertThat(r.get("at")).isEqualTo("2025-05-0" + (1 + n % 9) + "T10:20:30Z");
      }
    }
    assertThat(seen).hasSize(HOSTILE.size());
  }

  @Test
  void segmentsLocateEachRunOfAFileAndPartsWithoutHeadersHoldTheSameBytes() throws IOException {
    // Hostile titles in 3 runs ("segments") of 2 files; the runs' bytes are those parts written alone.
    var rows = new ArrayList<Row>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      rows.add(RowFactory.create(i % 2 == 0 ? "even" : "odd", i, "=" + HOSTILE.get(i), i / 3.0,
          Timestamp.valueOf("2025-05-0" + (1 + i % 3) + " 10:20:30")));
    }
    var data = TestSpark.session().createDataFrame(rows, SCHEMA);
    Column[] order = {col("at").desc(), col("n").desc()};
    Path whole = dir.resolve("whole");
    List<CsvFiles.Segment> segments = CsvFiles.writeWithSegments(data, SCHEMA, col("topic"), order,
        whole.toString(), List.of("even", "odd"), "at");
    Path parts = dir.resolve("parts");
    CsvFiles.writeParts(data, SCHEMA, org.apache.spark.sql.functions.concat(col("topic"),
        org.apache.spark.sql.functions.lit("/"), org.apache.spark.sql.functions.date_format(col("at"), "dd")),
        order, parts.toString());
    assertThat(segments).hasSize(6);
    for (CsvFiles.Segment s : segments) {
      String day = s.segment().substring(8, 10);
      for (boolean safe : List.of(false, true)) {
        String folder = safe ? CsvFiles.SPREADSHEET + "/" : "";
        byte[] file = Files.readAllBytes(whole.resolve(folder + s.file() + ".csv"));
        byte[] part = Files.readAllBytes(parts.resolve(folder + s.file() + "/" + day + ".csv"));
        assertThat(java.util.Arrays.copyOfRange(file, (int) (safe ? s.safeStart() : s.start()),
            (int) (safe ? s.safeEnd() : s.end()))).as(s + (safe ? " safe" : "")).isEqualTo(part);
      }
    }
    // The runs tile each file after its header.
    for (String file : List.of("even", "odd")) {
      List<CsvFiles.Segment> runs = segments.stream().filter(s -> s.file().equals(file))
          .sorted(java.util.Comparator.comparingLong(CsvFiles.Segment::start)).toList();
      long at = CsvFiles.header(SCHEMA.fieldNames()).getBytes(StandardCharsets.UTF_8).length;
      for (CsvFiles.Segment s : runs) {
        assertThat(s.start()).isEqualTo(at);
        at = s.end();
      }
      assertThat(at).isEqualTo(Files.size(whole.resolve(file + ".csv")));
    }
  }

  @Test
  void spreadsheetCopiesDefuseFormulasAndNoCopyHoldsControlCharacters() throws IOException {
    List<String> titles = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
        "\tTAB", "plain = text", "bell\u0007 and NUL\u0000 and C1\u0085 gone");
    var rows = new ArrayList<Row>();
    for (int i = 0; i < titles.size(); i++) {
      rows.add(RowFactory.create("t", i, titles.get(i), -1.5 * i, Timestamp.valueOf("2025-05-01 10:20:30")));
    }
    var data = TestSpark.session().createDataFrame(rows, SCHEMA);
    Path out = dir.resolve("extracts");
    CsvFiles.write(data, SCHEMA, col("topic"), new Column[] {col("n")}, out.toString(), List.of("t", "none"));

    List<CSVRecord> exact = Csv.read(out.resolve("t.csv"));
    List<CSVRecord> safe = Csv.read(out.resolve(CsvFiles.SPREADSHEET + "/t.csv"));
    assertThat(Files.readString(out.resolve(CsvFiles.SPREADSHEET + "/none.csv")))
        .isEqualTo("topic,n,title,score,at\r\n");
    assertThat(exact).hasSameSizeAs(titles);
    for (int i = 0; i < titles.size(); i++) {
      String title = titles.get(i).replaceAll("[\\x{00}-\\x{08}\\x{0B}\\x{0C}\\x{0E}-\\x{1F}\\x{7F}-\\x{9F}]", "");
      assertThat(exact.get(i).get("title")).as("exact copy, controls dropped").isEqualTo(title);
      boolean formula = "=+-@\t".indexOf(title.charAt(0)) >= 0;
      assertThat(safe.get(i).get("title")).isEqualTo(formula ? "'" + title : title);
      assertThat(safe.get(i).get("score")).as("numbers stay numbers").isEqualTo(exact.get(i).get("score"));
    }
    assertThat(exact.get(6).get("title")).isEqualTo("bell and NUL and C1 gone");
  }
}
