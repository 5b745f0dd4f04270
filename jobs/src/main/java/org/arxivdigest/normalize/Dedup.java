package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.LAST_VERSION_AT;
import static org.arxivdigest.schema.Columns.SOURCE_BLOCK;
import static org.arxivdigest.schema.Columns.SOURCE_FILE;
import static org.arxivdigest.schema.Columns.SOURCE_ROW;
import static org.arxivdigest.schema.Columns.UPDATE_DATE;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * One paper per id. The record whose newest version is newest wins, then the later update_date, then the later
 * file path and position in the file, so that the same input always gives the same winner.
 */
public final class Dedup {
  private Dedup() {}

  private static final String RANK = "_rank";

  private static final WindowSpec NEWEST_FIRST = Window.partitionBy(col(ID)).orderBy(
      col(LAST_VERSION_AT).desc(),
      col(UPDATE_DATE).desc_nulls_last(),
      col(SOURCE_FILE).desc(),
      col(SOURCE_BLOCK).desc(),
      col(SOURCE_ROW).desc());

  /**
   * The {@code source_row} of every record that loses to a newer one. Ranking runs on a narrow projection, so only
   * six small columns are shuffled, not whole records.
   */
  public static Dataset<Row> losers(Dataset<Row> usable) {
    return usable
        .select(ID, LAST_VERSION_AT, UPDATE_DATE, SOURCE_FILE, SOURCE_BLOCK, SOURCE_ROW)
        .withColumn(RANK, row_number().over(NEWEST_FIRST))
        .filter(col(RANK).gt(1))
        .select(SOURCE_ROW);
  }

  /** The usable records without the losers: one row per id. Usually few lose, so the anti-join is broadcast. */
  public static Dataset<Row> winners(Dataset<Row> usable, Dataset<Row> losers) {
    return usable.join(losers, SOURCE_ROW, "left_anti");
  }
}
