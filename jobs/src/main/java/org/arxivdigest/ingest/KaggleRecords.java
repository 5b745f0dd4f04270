package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_valid_utf8;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_parse_json;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.normalize.Categories;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.normalize.Versions;

/**
 * Parsed Kaggle lines to normalized records, each with the reason it cannot be used (null when it can): the JSON
 * line's own faults here, the rules of every format in {@link Records}.
 */
public final class KaggleRecords {
  private KaggleRecords() {}

  /** Blank lines are not records: they are counted apart and go nowhere. */
  public static final String BLANK_LINE = Records.BLANK_LINE;

  /** The parsed records (their text already collapsed by {@link KaggleReader#parse}) to normalized ones. */
  public static Dataset<Row> normalize(Dataset<Row> parsed) {
    Column r = col(PARSED);
    Dataset<Row> fields = parsed
        .select(
            Ids.normalize(r.getField(RAW_ID)).as(ID),
            r.getField(RAW_SUBMITTER).as(SUBMITTER),
            r.getField(RAW_AUTHORS).as(AUTHORS),
            r.getField(RAW_AUTHORS_PARSED).as(AUTHORS_PARSED),
            r.getField(RAW_TITLE).as(TITLE),
            r.getField(RAW_ABSTRACT).as(ABSTRACT),
            r.getField(RAW_COMMENTS).as(COMMENTS),
            r.getField(RAW_JOURNAL_REF).as(JOURNAL_REF),
            r.getField(RAW_DOI).as(DOI),
            r.getField(RAW_REPORT_NO).as(REPORT_NO),
            r.getField(RAW_LICENSE).as(LICENSE),
            Categories.split(r.getField(RAW_CATEGORIES)).as(CATEGORIES),
            try_to_date(trim(r.getField(RAW_UPDATE_DATE)), "yyyy-MM-dd").as(UPDATE_DATE),
            Versions.parse(r.getField(RAW_VERSIONS)).as(VERSIONS),
            col(SOURCE_FILE),
            col(SOURCE_BLOCK),
            col(SOURCE_ROW),
            lit(SourceKind.KAGGLE.code).as(SOURCE),
            col(LINE),
            r.getField(RAW_ID).as(Records.RAW_ID_COPY),
            lit(false).as(Records.MORE_VERSIONS),
            r.isNull().or(r.getField(CORRUPT_RECORD).isNotNull()).as(UNPARSED),
            when(not(col(KaggleReader.PLAIN)),
                udf(new JsonLineCheck(), DataTypes.StringType).apply(col(LINE).cast(DataTypes.BinaryType))).as(SHAPE));
    return Records.finish(fields, formatReason(), make_valid_utf8(col(LINE)), LINE, UNPARSED, SHAPE);
  }

  private static final String UNPARSED = "_unparsed";
  private static final String SHAPE = "_shape";

  /** What a line can get wrong as JSON, in this order; null when it is a JSON record of the right shape. */
  static Column formatReason() {
    Column line = col(LINE);
    Column shape = col(SHAPE);
    return when(shape.equalTo(JsonLineCheck.BLANK), lit(BLANK_LINE))
        .when(shape.equalTo(JsonLineCheck.INVALID_UTF8), Records.code(QuarantineReason.INVALID_UTF8))
        .when(shape.equalTo(JsonLineCheck.TOO_LARGE), Records.code(QuarantineReason.RECORD_TOO_LARGE))
        .when(shape.equalTo(JsonLineCheck.TOO_DEEP), Records.code(QuarantineReason.TOO_DEEPLY_NESTED))
        .when(shape.equalTo(JsonLineCheck.NUMBER_TOO_LONG), Records.code(QuarantineReason.NUMBER_TOO_LONG))
        // Two records on a line, garbage or a comma after one: the whole line, so one line stays one record.
        .when(shape.equalTo(JsonLineCheck.TRAILING), Records.code(QuarantineReason.MALFORMED_JSON))
        .when(col(UNPARSED),
            when(try_parse_json(KaggleReader.withoutBom(line)).isNull(), Records.code(QuarantineReason.MALFORMED_JSON))
                .otherwise(Records.code(QuarantineReason.WRONG_TYPE)))
        .when(shape.equalTo(JsonLineCheck.ID_NOT_STRING), Records.code(QuarantineReason.WRONG_TYPE));
  }
}
