package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.VERSION;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code versions} array of a record: labels "v1".."vN" and RFC 1123 submission times in GMT. */
public final class Versions {
  private Versions() {}

  /**
   * "Mon, 2 Apr 2007 19:18:42 GMT" becomes the instant 2007-04-02T19:18:42Z; anything else, including impossible
   * dates (30 Feb), other zones and dates no arXiv version can have (before 1986 or from 2100 on: a fixed window,
   * not the clock, so that reruns agree), becomes null so that the record can be quarantined.
   */
  public static Column parseCreated(Column created) {
    return PARSE_CREATED.apply(created);
  }

  /** The years a version date may have. */
  public static final int FIRST_YEAR = 1986;
  public static final int LAST_YEAR = 2099;

  /** "v3" is 3; anything that is not v followed by a positive number is null. */
  public static Column number(Column label) {
    return NUMBER.apply(label);
  }

  /**
   * The raw versions array as [(version int, submitted_at timestamp)], sorted by version (then date; nulls first);
   * an element that is null becomes (null, null).
   */
  public static Column parse(Column rawVersions) {
    return PARSE.apply(rawVersions);
  }

  /**
   * Named functions rather than built-ins, for the cost: as {@code sort_array(transform(...))} with
   * {@code regexp_replace}, {@code regexp_extract} and {@code try_to_timestamp} per element, a higher-order function
   * Spark evaluates outside generated code, the versions were an eighth of {@code ingest.parse} (bench/RESULTS.md,
   * issue 22). The built-in formulation is kept in VersionsTest as the reference these must agree with.
   */
  private static final StructType PARSED = new StructType()
      .add(VERSION, DataTypes.IntegerType)
      .add(SUBMITTED_AT, DataTypes.TimestampType);

  private static final UserDefinedFunction PARSE_CREATED = udf(
      (UDF1<String, Instant>) Versions::created, DataTypes.TimestampType).withName("version_created");
  private static final UserDefinedFunction NUMBER = udf(
      (UDF1<String, Integer>) Versions::number, DataTypes.IntegerType).withName("version_number");
  private static final UserDefinedFunction PARSE = udf(
      (UDF1<scala.collection.Seq<Row>, Row[]>) Versions::parse,
      DataTypes.createArrayType(PARSED, false)).withName("parse_versions");

  private static final Comparator<Row> BY_VERSION_THEN_DATE = Comparator
      .comparing((Row r) -> (Integer) r.get(0), Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing((Row r) -> (Instant) r.get(1), Comparator.nullsFirst(Comparator.naturalOrder()));

  static Row[] parse(scala.collection.Seq<Row> raw) {
    if (raw == null) {
      return null;
    }
    Row[] out = new Row[raw.size()];
    var it = raw.iterator();
    for (int i = 0; it.hasNext(); i++) {
      Row v = it.next();
      out[i] = v == null ? RowFactory.create(null, null)
          : RowFactory.create(number(v.getString(0)), created(v.getString(1)));
    }
    Arrays.sort(out, BY_VERSION_THEN_DATE);
    return out;
  }

  /** {@link #number(Column)} on one label: white space around it is trimmed, then v and 1 to 6 digits, not 0. */
  static Integer number(String label) {
    if (label == null) {
      return null;
    }
    int start = 0;
    int end = label.length();
    while (start < end && Text.isWhiteSpace(label.charAt(start))) {
      start++;
    }
    while (end > start && Text.isWhiteSpace(label.charAt(end - 1))) {
      end--;
    }
    int digits = end - start - 1;
    if (digits < 1 || digits > 6 || label.charAt(start) != 'v' || label.charAt(start + 1) == '0') {
      return null;
    }
    int n = 0;
    for (int i = start + 1; i < end; i++) {
      char c = label.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      n = n * 10 + c - '0';
    }
    return n;
  }

  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /**
   * {@link #parseCreated(Column)} on one text: spaces (U+0020 only) trimmed, an optional weekday ("Mon," and any
   * ASCII white space after it) dropped, then "d MMM yyyy HH:mm:ss" (month names in any case) and GMT, UTC or +0000,
   * with at most one line terminator after it; a real date and time of day, in the years allowed.
   */
  static Instant created(String text) {
    if (text == null) {
      return null;
    }
    int end = text.length();
    int i = 0;
    while (i < end && text.charAt(i) == ' ') {
      i++;
    }
    while (end > i && text.charAt(end - 1) == ' ') {
      end--;
    }
    if (i + 4 <= end && isAsciiLetter(text, i, 3) && text.charAt(i + 3) == ',') {
      i += 4;
      while (i < end && isAsciiSpace(text.charAt(i))) {
        i++;
      }
    }
    end = withoutFinalLineTerminator(text, i, end);
    int dayDigits = i + 1 < end && isDigit(text.charAt(i + 1)) ? 2 : 1;
    int p = i + dayDigits;
    // After the day: " MMM yyyy HH:mm:ss " (19 characters) and a zone of 3 or 5.
    if (end - p != 22 && end - p != 24 || !isDigits(text, i, dayDigits)) {
      return null;
    }
    if (text.charAt(p) != ' ' || !isAsciiLetter(text, p + 1, 3) || text.charAt(p + 4) != ' '
        || !isDigits(text, p + 5, 4) || text.charAt(p + 9) != ' ' || !isDigits(text, p + 10, 2)
        || text.charAt(p + 12) != ':' || !isDigits(text, p + 13, 2) || text.charAt(p + 15) != ':'
        || !isDigits(text, p + 16, 2) || text.charAt(p + 18) != ' ') {
      return null;
    }
    String zone = text.substring(p + 19, end);
    if (!zone.equals("GMT") && !zone.equals("UTC") && !zone.equals("+0000")) {
      return null;
    }
    int month = MONTHS.indexOf(text.substring(p + 1, p + 4).toLowerCase(Locale.ROOT)) + 1;
    int year = Integer.parseInt(text, p + 5, p + 9, 10);
    int day = Integer.parseInt(text, i, p, 10);
    int hour = Integer.parseInt(text, p + 10, p + 12, 10);
    int minute = Integer.parseInt(text, p + 13, p + 15, 10);
    int second = Integer.parseInt(text, p + 16, p + 18, 10);
    if (month == 0 || year < FIRST_YEAR || year > LAST_YEAR || day < 1
        || day > YearMonth.of(year, month).lengthOfMonth() || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
  }

  /** Where a text ends without the one line terminator Java's {@code $} lets stand after a match. */
  private static int withoutFinalLineTerminator(String text, int start, int end) {
    if (end - start >= 2 && text.charAt(end - 2) == '\r' && text.charAt(end - 1) == '\n') {
      return end - 2;
    }
    if (end > start) {
      char c = text.charAt(end - 1);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return end - 1;
      }
    }
    return end;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isDigits(String text, int from, int count) {
    for (int k = from; k < from + count; k++) {
      if (!isDigit(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(String text, int from, int count) {
    for (int k = from; k < from + count; k++) {
      char c = text.charAt(k);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** Java regex's {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
  private static boolean isAsciiSpace(char c) {
    return c == ' ' || (c >= 0x9 && c <= 0xd);
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
