package org.arxivdigest.normalize;

import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.LAST_VERSION_AT;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.arxivdigest.schema.Columns.UPDATE_DATE;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class DedupTest {
  private static final StructType NARROW = new StructType()
      .add(ID, DataTypes.StringType)
      .add(LAST_VERSION_AT, DataTypes.TimestampType)
      .add(UPDATE_DATE, DataTypes.DateType)
      .add(SOURCE_FILE, DataTypes.StringType)
      .add(SOURCE_BLOCK, DataTypes.LongType)
      .add(SOURCE_ROW, DataTypes.LongType);

  private static Row rec(String id, String last, String updated, String file, long block, long row) {
    return RowFactory.create(id, Timestamp.valueOf(last), updated == null ? null : Date.valueOf(updated), file, block,
        row);
  }

  private static List<Long> winnerRows(Row... rows) {
    Dataset<Row> usable = TestSpark.session().createDataFrame(List.of(rows), NARROW);
    Dataset<Row> losers = Dedup.losers(usable);
    return Dedup.winners(usable, losers).orderBy(ID).collectAsList().stream()
        .map(r -> (Long) r.getAs(SOURCE_ROW)).toList();
  }

  @Test
  void theRecordWithTheNewestVersionWinsWhereverItStands() {
    assertThat(winnerRows(
        rec("2401.00001", "2024-01-05 10:00:00", "2024-03-01", "z.json", 0, 1),
        rec("2401.00001", "2024-02-05 10:00:00", "2024-02-06", "a.json", 0, 2),
        rec("2401.00002", "2024-01-01 00:00:00", null, "a.json", 0, 3)))
        .containsExactly(2L, 3L);
  }

  @Test
  void thenTheLaterUpdateDate() {
    assertThat(winnerRows(
        rec("2401.00001", "2024-01-05 10:00:00", "2024-03-01", "a.json", 0, 1),
        rec("2401.00001", "2024-01-05 10:00:00", "2024-01-06", "z.json", 0, 2),
        rec("2401.00001", "2024-01-05 10:00:00", null, "z.json", 0, 3)))
        .containsExactly(1L);
  }

  @Test
  void thenTheLaterFileThenTheLaterPlaceInIt() {
    assertThat(winnerRows(
        rec("hep-th/9901001", "1999-01-05 10:00:00", "2009-01-01", "dump2025.json", 0, 9),
        rec("hep-th/9901001", "1999-01-05 10:00:00", "2009-01-01", "dump2023.json", 0, 1)))
        .containsExactly(9L);
    assertThat(winnerRows(
        rec("hep-th/9901001", "1999-01-05 10:00:00", "2009-01-01", "dump.json", 33554432, 1),
        rec("hep-th/9901001", "1999-01-05 10:00:00", "2009-01-01", "dump.json", 0, 7),
        rec("hep-th/9901001", "1999-01-05 10:00:00", "2009-01-01", "dump.json", 0, 5)))
        .containsExactly(1L);
  }

  @Test
  void losersAreEveryRecordButOnePerId() {
    Dataset<Row> usable = TestSpark.session().createDataFrame(List.of(
        rec("a/0001001", "2000-01-01 00:00:00", null, "f", 0, 1),
        rec("a/0001001", "2000-01-01 00:00:00", null, "f", 0, 2),
        rec("a/0001001", "2000-01-01 00:00:00", null, "f", 0, 3),
        rec("b/0001001", "2000-01-01 00:00:00", null, "f", 0, 4)), NARROW);
    assertThat(Dedup.losers(usable).count()).isEqualTo(2);
  }

  private static final StructType RECORDS = new StructType()
      .add(ID, DataTypes.StringType)
      .add(org.arxivdigest.schema.Columns.SOURCE, DataTypes.StringType)
      .add(org.arxivdigest.schema.Columns.VERSIONS, DataTypes.createArrayType(
          org.arxivdigest.schema.Schemas.VERSION_STRUCT))
      .add(org.arxivdigest.schema.Columns.VERSION_COUNT, DataTypes.IntegerType)
      .add(org.arxivdigest.schema.Columns.VERSIONS_COMPLETE, DataTypes.BooleanType)
      .add(LAST_VERSION_AT, DataTypes.TimestampType)
      .add(UPDATE_DATE, DataTypes.DateType)
      .add(SOURCE_FILE, DataTypes.StringType)
      .add(SOURCE_BLOCK, DataTypes.LongType)
      .add(SOURCE_ROW, DataTypes.LongType);

  /** A record of 2401.00001 with versions "n@yyyy-MM-dd HH:mm:ss", as its reader would make it. */
  private static Row record(String source, boolean complete, long row, String... versions) {
    var list = new java.util.ArrayList<Row>();
    Timestamp last = null;
    for (String v : versions) {
      Timestamp at = Timestamp.valueOf(v.substring(v.indexOf('@') + 1));
      list.add(RowFactory.create(Integer.parseInt(v.substring(0, v.indexOf('@'))), at));
      last = last == null || at.after(last) ? at : last;
    }
    return RowFactory.create("2401.00001", source, list, list.size(), complete, last, null, "f", 0L, row);
  }

  private static Row merged(Row... records) {
    Dataset<Row> usable = TestSpark.session().createDataFrame(List.of(records), RECORDS);
    Dataset<Row> losers = Dedup.losers(usable);
    List<Row> papers = Dedup.papers(Dedup.winners(usable, losers), Dedup.merged(usable, losers), true)
        .collectAsList();
    assertThat(papers).hasSize(1);
    return papers.get(0);
  }

  private static String versionsOf(Row paper) {
    return paper.<Row>getList(paper.fieldIndex(org.arxivdigest.schema.Columns.VERSIONS)).stream()
        .map(v -> v.getInt(0) + "@" + v.get(1)).toList().toString();
  }

  @Test
  void versionsAreTheUnionByNumberAndAGapOneSourceLeavesAnotherFills() {
    Row paper = merged(
        record("atom", false, 1, "1@2024-01-01 10:00:00", "3@2024-03-01 10:00:00"),    // v1 and v3 only
        record("kaggle", true, 2, "1@2024-01-01 09:00:00", "2@2024-02-01 10:00:00"));
    assertThat(paper.<String>getAs(org.arxivdigest.schema.Columns.SOURCE)).isEqualTo("atom"); // v3 is newest
    assertThat(versionsOf(paper)).isEqualTo(
        "[1@2024-01-01 10:00:00.0, 2@2024-02-01 10:00:00.0, 3@2024-03-01 10:00:00.0]"); // v1: the winner's time
    assertThat(paper.<Boolean>getAs(org.arxivdigest.schema.Columns.VERSIONS_COMPLETE)).isTrue();
    assertThat(paper.<Integer>getAs(org.arxivdigest.schema.Columns.VERSION_COUNT)).isEqualTo(3);
    assertThat(paper.getList(paper.fieldIndex(org.arxivdigest.schema.Columns.SOURCES)))
        .containsExactly("atom", "kaggle");
  }

  @Test
  void aGapNoSourceFillsAndAVersionOnlySaidToExistLeaveTheVersionsIncomplete() {
    assertThat(merged(
        record("atom", false, 1, "1@2024-01-01 10:00:00", "3@2024-03-01 10:00:00"),
        record("atom", false, 2, "1@2024-01-01 10:00:00", "3@2024-03-01 10:00:00"))
        .<Boolean>getAs(org.arxivdigest.schema.Columns.VERSIONS_COMPLETE)).isFalse();
    // arXiv's and oai_dc's v1 with a later date: versions beyond v1 exist, none is known.
    assertThat(merged(
        record("arXiv", false, 1, "1@2024-01-01 00:00:00"),
        record("oai_dc", false, 2, "1@2024-01-01 00:00:00"))
        .<Boolean>getAs(org.arxivdigest.schema.Columns.VERSIONS_COMPLETE)).isFalse();
    // ... which a record that lists them answers.
    assertThat(merged(
        record("arXiv", false, 1, "1@2024-01-01 00:00:00"),
        record("kaggle", true, 2, "1@2024-01-01 09:00:00", "2@2024-02-01 10:00:00"))
        .<Boolean>getAs(org.arxivdigest.schema.Columns.VERSIONS_COMPLETE)).isTrue();
  }
}
