package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.is_valid_utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** The one-pass byte checks of a line agree with what Spark and the regex they replace say. */
class JsonLineCheckTest {

  /** Pieces of lines: ASCII, whitespace, BOMs, well-formed and ill-formed UTF-8 of every length. */
  private static final int[][] PIECES = {
      {'{'}, {'a'}, {' '}, {'\t'}, {0x0B}, {0x0C}, {'\r'}, {0x00}, {0x7F},
      {0xEF, 0xBB, 0xBF}, {0xC3, 0xA9}, {0xE2, 0x80, 0x83}, {0xE6, 0x97, 0xA5}, {0xF0, 0x9F, 0x98, 0x80},
      {0xF4, 0x8F, 0xBF, 0xBF}, {0xED, 0x9F, 0xBF},
      {0x80}, {0xBF}, {0xC0, 0xAF}, {0xC1, 0xBF}, {0xC3}, {0xE0, 0x80, 0xAF}, {0xE0, 0x9F, 0xBF},
      {0xED, 0xA0, 0x80}, {0xE6, 0x97}, {0xF0, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80},
      {0xF8}, {0xFF}, {0xF0, 0x9F, 0x98},
      // Runs of ASCII long enough to be read eight bytes at a time.
      {'"', 't', 'i', 't', 'l', 'e', '"', ':', ' ', '"'}, {'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'}};

  @Test
  void blankAndInvalidUtf8AgreeWithSparkOnRandomBytes() {
    var random = new Random(22);
    var rows = new ArrayList<Row>();
    for (int i = 0; i < 6000; i++) {
      var bytes = new java.io.ByteArrayOutputStream();
      // Half of the lines long (up to 40 pieces), so that a fault stands anywhere in or after an ASCII run.
      for (int k = random.nextInt(i < 3000 ? 6 : 40); k > 0; k--) {
        // Mostly whitespace and BOMs in a third of the lines, so that blank ones come up.
        int[] piece = PIECES[i % 3 == 0 ? random.nextInt(10) : random.nextInt(PIECES.length)];
        for (int b : piece) {
          bytes.write(b);
        }
      }
      rows.add(RowFactory.create((Object) bytes.toByteArray()));
    }
    var df = TestSpark.session().createDataFrame(rows, new StructType().add("b", DataTypes.BinaryType))
        .select(col("b"), col("b").cast(DataTypes.StringType).as("line"));
    List<Row> out = df.select(col("b"), is_valid_utf8(col("line")),
        col("line").rlike("\\A[\\s\\x{FEFF}]*\\z")).collectAsList();
    int blank = 0;
    int invalid = 0;
    for (Row r : out) {
      byte[] b = r.getAs(0);
      String got = JsonLineCheck.blankOrInvalid(b);
      String want = r.getBoolean(2) ? JsonLineCheck.BLANK : !r.getBoolean(1) ? JsonLineCheck.INVALID_UTF8 : null;
      assertThat(got).as("bytes %s", java.util.HexFormat.of().formatHex(b)).isEqualTo(want);
      blank += JsonLineCheck.BLANK.equals(want) ? 1 : 0;
      invalid += JsonLineCheck.INVALID_UTF8.equals(want) ? 1 : 0;
    }
    assertThat(blank).as("blank lines among them").isGreaterThan(100);
    assertThat(invalid).as("ill-formed lines among them").isGreaterThan(300);
  }
}
