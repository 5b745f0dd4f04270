package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_valid_utf8;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
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
import org.arxivdigest.normalize.Text;
import org.arxivdigest.normalize.Versions;

/**
 * Parsed Kaggle lines to normalized records, each with the reason it cannot be used (null when it can). The
 * reason is decided here once, so that every record ends in exactly one place: papers, duplicates or quarantine.
 */
public final class KaggleRecords {
  private KaggleRecords() {}

  /** Blank lines are not records: they are counted apart and go nowhere. */
  public static final String BLANK_LINE = "blank_line";

  public static Dataset<Row> normalize(Dataset<Row> parsed) {
    Column r = col(PARSED);
    // Separate projections: derived columns read the parsed versions and categories instead of re-parsing them
    // (the optimizer does not collapse projections that would repeat an expensive expression).
    return parsed
        .select(
            Ids.normalize(r.getField(RAW_ID)).as(ID),
            Text.collapse(r.getField(RAW_SUBMITTER)).as(SUBMITTER),
            Text.collapse(r.getField(RAW_AUTHORS)).as(AUTHORS),
            r.getField(RAW_AUTHORS_PARSED).as(AUTHORS_PARSED),
            Text.collapse(r.getField(RAW_TITLE)).as(TITLE),
            Text.collapse(r.getField(RAW_ABSTRACT)).as(ABSTRACT),
            Text.collapse(r.getField(RAW_COMMENTS)).as(COMMENTS),
            Text.collapse(r.getField(RAW_JOURNAL_REF)).as(JOURNAL_REF),
            Text.collapse(r.getField(RAW_DOI)).as(DOI),
            Text.collapse(r.getField(RAW_REPORT_NO)).as(REPORT_NO),
            Text.collapse(r.getField(RAW_LICENSE)).as(LICENSE),
            Categories.split(r.getField(RAW_CATEGORIES)).as(CATEGORIES),
            try_to_date(trim(r.getField(RAW_UPDATE_DATE)), "yyyy-MM-dd").as(UPDATE_DATE),
            Versions.parse(r.getField(RAW_VERSIONS)).as(VERSIONS),
            col(SOURCE_FILE),
            col(SOURCE_BLOCK),
            col(SOURCE_ROW),
            col(LINE),
            r.getField(RAW_ID).as(RAW_ID_COPY),
            r.isNull().or(r.getField(CORRUPT_RECORD).isNotNull()).as(UNPARSED),
            udf(new JsonLineCheck(), DataTypes.StringType).apply(col(LINE).cast(DataTypes.BinaryType)).as(SHAPE))
        .select(
            col("*"),
            Categories.primary(col(CATEGORIES)).as(PRIMARY_CATEGORY),
            Categories.archives(col(CATEGORIES)).as(ARCHIVES),
            size(col(VERSIONS)).as(VERSION_COUNT),
            Versions.first(col(VERSIONS)).as(FIRST_VERSION_AT),
            Versions.last(col(VERSIONS)).as(LAST_VERSION_AT),
            reason().as(REASON))
        .withColumn(RAW_RECORD, when(col(REASON).isNotNull(), make_valid_utf8(col(LINE))))
        .drop(LINE, RAW_ID_COPY, UNPARSED, SHAPE);
  }

  private static final String RAW_ID_COPY = "_raw_id";
  private static final String UNPARSED = "_unparsed";
  private static final String SHAPE = "_shape";

  /** The first rule a line breaks, in this order; null for a usable record. */
  static Column reason() {
    Column line = col(LINE);
    Column rawId = col(RAW_ID_COPY);
    Column versions = col(VERSIONS);
    Column shape = col(SHAPE);
    return when(shape.equalTo(JsonLineCheck.BLANK), lit(BLANK_LINE))
        .when(shape.equalTo(JsonLineCheck.INVALID_UTF8), code(QuarantineReason.INVALID_UTF8))
        .when(shape.equalTo(JsonLineCheck.TOO_LARGE), code(QuarantineReason.RECORD_TOO_LARGE))
        .when(shape.equalTo(JsonLineCheck.TOO_DEEP), code(QuarantineReason.TOO_DEEPLY_NESTED))
        .when(shape.equalTo(JsonLineCheck.NUMBER_TOO_LONG), code(QuarantineReason.NUMBER_TOO_LONG))
        // Two records on a line, garbage or a comma after one: the whole line, so one line stays one record.
        .when(shape.equalTo(JsonLineCheck.TRAILING), code(QuarantineReason.MALFORMED_JSON))
        .when(col(UNPARSED),
            when(try_parse_json(KaggleReader.withoutBom(line)).isNull(), code(QuarantineReason.MALFORMED_JSON))
                .otherwise(code(QuarantineReason.WRONG_TYPE)))
        .when(shape.equalTo(JsonLineCheck.ID_NOT_STRING), code(QuarantineReason.WRONG_TYPE))
        .when(rawId.isNull().or(trim(rawId).equalTo(lit(""))), code(QuarantineReason.MISSING_ID))
        .when(not(Ids.isValid(col(ID))), code(QuarantineReason.INVALID_ID))
        .when(col(TITLE).isNull(), code(QuarantineReason.MISSING_TITLE))
        .when(versions.isNull().or(size(versions).equalTo(lit(0))), code(QuarantineReason.NO_VERSIONS))
        .when(Versions.hasUnlabelledOrRepeated(versions), code(QuarantineReason.BAD_VERSION_LABEL))
        .when(Versions.hasUnparsableDate(versions), code(QuarantineReason.BAD_VERSION_DATE));
  }

  private static Column code(QuarantineReason reason) {
    return lit(reason.code);
  }
}
