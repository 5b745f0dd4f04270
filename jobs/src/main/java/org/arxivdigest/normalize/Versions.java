package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.arxivdigest.schema.Columns.RAW_VERSION_CREATED;
import static org.arxivdigest.schema.Columns.RAW_VERSION_LABEL;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.VERSION;

import org.apache.spark.sql.Column;

/** The {@code versions} array of a record: labels "v1".."vN" and RFC 1123 submission times in GMT. */
public final class Versions {
  private Versions() {}

  /** "d MMM yyyy HH:mm:ss" in GMT once the weekday is gone; Spark 3+ refuses to parse the weekday (EEE). */
  private static final String CREATED_CORE = "^(\\d{1,2} [A-Za-z]{3} \\d{4} \\d{2}:\\d{2}:\\d{2}) (GMT|UTC|\\+0000)$";

  /**
   * "Mon, 2 Apr 2007 19:18:42 GMT" becomes the instant 2007-04-02T19:18:42Z; anything else, including impossible
   * dates (30 Feb), other zones and dates no arXiv version can have (before 1986 or from 2100 on: a fixed window,
   * not the clock, so that reruns agree), becomes null so that the record can be quarantined.
   */
  public static Column parseCreated(Column created) {
    Column withoutWeekday = regexp_replace(trim(created), "^[A-Za-z]{3},\\s*", "");
    Column core = regexp_extract(withoutWeekday, CREATED_CORE, 1);
    // An explicit offset makes the instant independent of the session time zone.
    Column at = try_to_timestamp(concat(core, lit(" +0000")), lit("d MMM yyyy HH:mm:ss Z"));
    return when(year(at).between(FIRST_YEAR, LAST_YEAR), at);
  }

  /** The years a version date may have. */
  public static final int FIRST_YEAR = 1986;
  public static final int LAST_YEAR = 2099;

  /** "v3" is 3; anything that is not v followed by a positive number is null. */
  public static Column number(Column label) {
    return regexp_extract(label, "\\A\\p{IsWhite_Space}*v([1-9][0-9]{0,5})\\p{IsWhite_Space}*\\z", 1).try_cast("int");
  }

  /** The raw versions array as [(version int, submitted_at timestamp)], sorted by version. */
  public static Column parse(Column rawVersions) {
    // sort_array, not array_sort: the same order for these never-null structs, with the type's own ordering
    // instead of a comparator lambda evaluated per comparison.
    return sort_array(transform(rawVersions, v -> struct(
        number(v.getField(RAW_VERSION_LABEL)).as(VERSION),
        parseCreated(v.getField(RAW_VERSION_CREATED)).as(SUBMITTED_AT))));
  }

  /** "2015-12-25" (a date without a time, as OAI's arXiv and oai_dc formats give) is the start of that day, UTC. */
  public static Column parseDate(Column text) {
    return inWindow(try_to_timestamp(trim(text), lit("yyyy-MM-dd")));
  }

  /** "2006-03-02T02:22:45Z" (Atom's published and updated; an offset may stand for the Z). */
  public static Column parseInstant(Column text) {
    return inWindow(try_to_timestamp(trim(text), lit("yyyy-MM-dd'T'HH:mm:ssXXX")));
  }

  private static Column inWindow(Column at) {
    return when(year(at).between(FIRST_YEAR, LAST_YEAR), at);
  }

  /** One version, v1 at {@code at}: all a source knows when it gives only the first date. */
  public static Column onlyFirst(Column at) {
    return array(struct(lit(1).as(VERSION), at.as(SUBMITTED_AT)));
  }

  /**
   * v1 at {@code published} and v{@code latest} at {@code updated} when the latest is beyond v1 (Atom: the entry's
   * id names its newest version); the versions between are not known and not invented.
   */
  public static Column firstAndLatest(Column published, Column latest, Column updated) {
    Column first = struct(lit(1).as(VERSION), published.as(SUBMITTED_AT));
    return when(latest.gt(1), array(first, struct(latest.as(VERSION), updated.as(SUBMITTED_AT))))
        .otherwise(array(first));
  }

  public static Column first(Column versions) {
    return array_min(transform(versions, v -> v.getField(SUBMITTED_AT)));
  }

  public static Column last(Column versions) {
    return array_max(transform(versions, v -> v.getField(SUBMITTED_AT)));
  }

  public static Column hasUnlabelledOrRepeated(Column versions) {
    Column numbers = transform(versions, v -> v.getField(VERSION));
    return org.apache.spark.sql.functions.exists(versions, v -> v.getField(VERSION).isNull())
        .or(size(array_distinct(numbers)).notEqual(size(numbers)));
  }

  public static Column hasUnparsableDate(Column versions) {
    return org.apache.spark.sql.functions.exists(versions, v -> v.getField(SUBMITTED_AT).isNull());
  }
}
