package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.ABSTRACT;
import static org.arxivdigest.schema.Columns.ARCHIVES;
import static org.arxivdigest.schema.Columns.AUTHORS;
import static org.arxivdigest.schema.Columns.CATEGORIES;
import static org.arxivdigest.schema.Columns.FIRST_VERSION_AT;
import static org.arxivdigest.schema.Columns.COMMENTS;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.JOURNAL_REF;
import static org.arxivdigest.schema.Columns.LAST_VERSION_AT;
import static org.arxivdigest.schema.Columns.PRIMARY_CATEGORY;
import static org.arxivdigest.schema.Columns.RAW_RECORD;
import static org.arxivdigest.schema.Columns.REASON;
import static org.arxivdigest.schema.Columns.SUBMITTER;
import static org.arxivdigest.schema.Columns.TITLE;
import static org.arxivdigest.schema.Columns.VERSION;
import static org.arxivdigest.schema.Columns.VERSIONS;
import static org.arxivdigest.schema.Columns.VERSIONS_COMPLETE;
import static org.arxivdigest.schema.Columns.VERSION_COUNT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.normalize.Categories;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.normalize.Versions;

/**
 * The rules every reader's records go through, whatever their format: each reader maps its fields to the
 * normalized columns (id, text fields collapsed, categories, update_date, versions, origin), names what its own
 * format can get wrong, and leaves the rest to {@link #finish}: the derived columns, and the one reason a record
 * cannot be used (null when it can), decided once so that every record ends in exactly one place.
 */
public final class Records {
  private Records() {}

  /** The id as the record wrote it, before trimming: a missing id and an invalid one are told apart. */
  static final String RAW_ID_COPY = "_raw_id";
  /** True when the source says there are versions it does not list (arXiv's updated, Atom's vN beyond v2). */
  static final String MORE_VERSIONS = "_more_versions";

  /** Not a record: blank lines are counted apart and go nowhere. */
  public static final String BLANK_LINE = "blank_line";
  /** An OAI-PMH record whose header says status="deleted": goes to the deleted dataset, not to quarantine. */
  public static final String DELETED = "deleted";

  /**
   * Adds primary category, archives, version count, first and last version time, whether the versions are
   * complete and the reason; keeps {@code raw} as {@code raw_record} for a record that has a reason; drops the
   * reader's own working columns.
   *
   * @param formatReason the reader's reason (a code, or null when its format has nothing to say)
   */
  static Dataset<Row> finish(Dataset<Row> fields, Column formatReason, Column raw, String... working) {
    var drop = new ArrayList<>(List.of(working));
    drop.add(RAW_ID_COPY);
    drop.add(MORE_VERSIONS);
    // Separate projections: derived columns read the parsed versions and categories instead of re-parsing them
    // (the optimizer does not collapse projections that would repeat an expensive expression).
    Column versions = col(VERSIONS);
    return fields
        .select(
            col("*"),
            Categories.primary(col(CATEGORIES)).as(PRIMARY_CATEGORY),
            Categories.archives(col(CATEGORIES)).as(ARCHIVES),
            size(versions).as(VERSION_COUNT),
            Versions.first(versions).as(FIRST_VERSION_AT),
            Versions.last(versions).as(LAST_VERSION_AT),
            not(col(MORE_VERSIONS)).and(gapless(versions)).as(VERSIONS_COMPLETE),
            coalesce(formatReason, reason()).as(REASON))
        .withColumn(RAW_RECORD, when(col(REASON).isNotNull(), raw))
        .drop(drop.toArray(String[]::new));
  }

  /** Versions 1..N, each once (a repeat is quarantined anyway). */
  static Column gapless(Column versions) {
    return coalesce(array_max(transform(versions, v -> v.getField(VERSION))), lit(0)).equalTo(size(versions));
  }

  /** The first rule a record breaks, in this order; null for a usable record. */
  static Column reason() {
    Column rawId = col(RAW_ID_COPY);
    Column versions = col(VERSIONS);
    return when(rawId.isNull().or(trim(rawId).equalTo(lit(""))), code(QuarantineReason.MISSING_ID))
        .when(not(Ids.isValid(col(ID))), code(QuarantineReason.INVALID_ID))
        .when(col(TITLE).isNull(), code(QuarantineReason.MISSING_TITLE))
        .when(versions.isNull().or(size(versions).equalTo(lit(0))), code(QuarantineReason.NO_VERSIONS))
        .when(Versions.hasUnlabelledOrRepeated(versions), code(QuarantineReason.BAD_VERSION_LABEL))
        .when(Versions.hasUnparsableDate(versions), code(QuarantineReason.BAD_VERSION_DATE));
  }

  /** The text a record gives, which the XML readers' decoding rules look at. */
  private static final String[] TEXT = {RAW_ID_COPY, TITLE, ABSTRACT, AUTHORS, COMMENTS, JOURNAL_REF, SUBMITTER};

  /**
   * The rules the JSON line check applies to a dump's line, for a record that an XML reader parsed: bytes that are
   * not UTF-8 (the XML reader decodes each as U+FFFD, which no real record holds: none of the 96,581 records of
   * the shared recent papers) are {@code invalid_utf8}; a text longer than the JSON parser takes is
   * {@code record_too_large}, so that one paper gets the same outcome from every source. Null when neither.
   */
  static Column decodingReason() {
    Column replaced = Arrays.stream(TEXT).map(c -> coalesce(col(c).contains("\uFFFD"), lit(false)))
        .reduce(Column::or).orElseThrow();
    // Characters are counted only where the UTF-8 bytes (known without a scan) could hold that many.
    Column large = Arrays.stream(TEXT).map(c -> coalesce(octet_length(col(c)).gt(JsonLineCheck.MAX_STRING_LENGTH)
        .and(length(col(c)).gt(JsonLineCheck.MAX_STRING_LENGTH)), lit(false))).reduce(Column::or).orElseThrow();
    return when(replaced, code(QuarantineReason.INVALID_UTF8)).when(large, code(QuarantineReason.RECORD_TOO_LARGE));
  }

  static Column code(QuarantineReason reason) {
    return lit(reason.code);
  }
}
