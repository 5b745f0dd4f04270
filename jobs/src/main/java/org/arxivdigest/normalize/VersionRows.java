package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.to_date;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.SUBMITTED_DATE;
import static org.arxivdigest.schema.Columns.VERSION;
import static org.arxivdigest.schema.Columns.VERSIONS;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row per paper version, with the UTC date and the {@code yyyy_mm} month it was submitted in. */
public final class VersionRows {
  private VersionRows() {}

  private static final String V = "_v";

  /** Month partition value: 2025_02. The session time zone is UTC (see Sessions), so this is the UTC month. */
  public static Column month(Column timestamp) {
    return date_format(timestamp, "yyyy_MM");
  }

  public static Dataset<Row> fromPapers(Dataset<Row> papers) {
    return papers
        .select(col(ID), explode(col(VERSIONS)).as(V))
        .select(
            col(ID),
            col(V).getField(VERSION).as(VERSION),
            col(V).getField(SUBMITTED_AT).as(SUBMITTED_AT),
            to_date(col(V).getField(SUBMITTED_AT)).as(SUBMITTED_DATE),
            month(col(V).getField(SUBMITTED_AT)).as(MONTH));
  }
}
