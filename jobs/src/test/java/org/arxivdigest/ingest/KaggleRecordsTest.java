package org.arxivdigest.ingest;

import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.RAW_RECORD;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each quarantine reason, on real sample lines broken the way dumps break. */
class KaggleRecordsTest {
  private static final String REAL = TestSpark.sampleLine("0704.0001");

  @TempDir Path dir;

  /** Writes the lines as bytes (so that invalid UTF-8 stays invalid) and returns the normalized rows in order. */
  private List<Row> normalize(byte[]... lines) throws IOException {
    var bytes = new ByteArrayOutputStream();
    for (byte[] line : lines) {
      bytes.write(line);
      bytes.write('\n');
    }
    Path file = Files.write(dir.resolve("dump.jsonl"), bytes.toByteArray());
    var spark = TestSpark.session();
    return KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(spark, List.of(file.toString()))))
        .orderBy(SOURCE_ROW).collectAsList();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private String reasonOf(String line) throws IOException {
    Row row = normalize(utf8(line)).get(0);
    return row.getAs(REASON);
  }

  @Test
  void aRealLineIsUsableAndKeepsNoRawCopy() throws IOException {
    Row row = normalize(utf8(REAL)).get(0);
    assertThat((String) row.getAs(REASON)).isNull();
    assertThat((String) row.getAs(RAW_RECORD)).isNull();
    assertThat((String) row.getAs(ID)).isEqualTo("0704.0001");
  }

  @Test
  void truncatedLineIsMalformedJsonWithItsRawText() throws IOException {
    String truncated = REAL.substring(0, REAL.length() / 2);
    Row row = normalize(utf8(truncated)).get(0);
    assertThat((String) row.getAs(REASON)).isEqualTo("malformed_json");
    assertThat((String) row.getAs(RAW_RECORD)).isEqualTo(truncated);
  }

  @Test
  void missingOrBlankIdIsQuarantined() throws IOException {
    assertThat(reasonOf(REAL.replace("\"id\":\"0704.0001\",", ""))).isEqualTo("missing_id");
    assertThat(reasonOf(REAL.replace("\"id\":\"0704.0001\"", "\"id\":\"  \""))).isEqualTo("missing_id");
    assertThat(reasonOf(REAL.replace("\"id\":\"0704.0001\"", "\"id\":null"))).isEqualTo("missing_id");
  }

  @Test
  void invalidIdIsQuarantined() throws IOException {
    assertThat(reasonOf(REAL.replace("\"id\":\"0704.0001\"", "\"id\":\"../../etc\""))).isEqualTo("invalid_id");
  }

  @Test
  void missingTitleIsQuarantined() throws IOException {
    String noTitle = REAL.replaceFirst("\"title\":\"[^\"]*\"", "\"title\":\" \\\\n \"");
    assertThat(reasonOf(noTitle)).isEqualTo("missing_title");
  }

  @Test
  void emptyVersionsAreQuarantined() throws IOException {
    String empty = REAL.replaceFirst("\"versions\":\\[[^\\]]*\\]", "\"versions\":[]");
    assertThat(reasonOf(empty)).isEqualTo("no_versions");
    String nullVersions = REAL.replaceFirst("\"versions\":\\[[^\\]]*\\]", "\"versions\":null");
    assertThat(reasonOf(nullVersions)).isEqualTo("no_versions");
  }

  @Test
  void unparsableVersionDateIsQuarantined() throws IOException {
    assertThat(reasonOf(REAL.replace("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02 19:18:42")))
        .isEqualTo("bad_version_date");
    assertThat(reasonOf(REAL.replace("Mon, 2 Apr 2007 19:18:42 GMT", "Fri, 30 Feb 2007 19:18:42 GMT")))
        .isEqualTo("bad_version_date");
  }

  @Test
  void badOrRepeatedVersionLabelIsQuarantined() throws IOException {
    assertThat(reasonOf(REAL.replace("\"version\":\"v2\"", "\"version\":\"second\""))).isEqualTo("bad_version_label");
    assertThat(reasonOf(REAL.replace("\"version\":\"v2\"", "\"version\":\"v1\""))).isEqualTo("bad_version_label");
  }

  @Test
  void invalidUtf8BytesAreQuarantinedWithAReadableRawRecord() throws IOException {
    byte[] good = utf8(REAL);
    byte[] broken = good.clone();
    int at = REAL.indexOf("Calculation");
    broken[at] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
    List<Row> rows = normalize(good, broken);
    assertThat((String) rows.get(0).getAs(REASON)).isNull();
    assertThat((String) rows.get(1).getAs(REASON)).isEqualTo("invalid_utf8");
    assertThat((String) rows.get(1).getAs(RAW_RECORD)).contains("\uFFFDalculation");
  }

  @Test
  void wrongFieldTypesAreQuarantinedApartFromSyntaxErrors() throws IOException {
    String versionsAsText = REAL.replaceFirst("\"versions\":\\[[^\\]]*\\]", "\"versions\":\"v1\"");
    assertThat(reasonOf(versionsAsText)).isEqualTo("wrong_type");
    assertThat(reasonOf("[1, 2, 3]")).isIn("wrong_type", "malformed_json");
  }

  @Test
  void aMegabyteAbstractAndAnOldStyleIdAreAccepted() throws IOException {
    String big = "x".repeat(1 << 20);
    String line = REAL.replace("\"id\":\"0704.0001\"", "\"id\":\"hep-th/9901001\"")
        .replaceFirst("\"abstract\":\"", "\"abstract\":\"" + big + " ");
    Row row = normalize(utf8(line)).get(0);
    assertThat((String) row.getAs(REASON)).isNull();
    assertThat((String) row.getAs(ID)).isEqualTo("hep-th/9901001");
    assertThat(((String) row.getAs("abstract")).length()).isGreaterThan(1 << 20);
  }

  @Test
  void byteOrderMarkAndBlankLinesAreNotErrors() throws IOException {
    List<Row> rows = normalize(utf8("\uFEFF" + REAL), utf8("   "), utf8(TestSpark.sampleLine("0704.0002")));
    assertThat(rows).extracting(r -> (String) r.getAs(REASON)).containsExactly(null, KaggleRecords.BLANK_LINE, null);
  }
}
