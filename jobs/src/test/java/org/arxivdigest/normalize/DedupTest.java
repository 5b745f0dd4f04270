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
}
