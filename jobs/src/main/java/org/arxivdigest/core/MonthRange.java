package org.arxivdigest.core;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The months a stage rewrites: {@code yyyy_mm} bounds (inclusive; null bounds are open) and, for an incremental
 * run, the set of months that changed ({@code only}; null = every month between the bounds).
 */
public record MonthRange(String from, String to, SortedSet<String> only) {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})[-_](0[1-9]|1[0-2])");

  public static final MonthRange ALL = new MonthRange(null, null);

  public MonthRange {
    only = only == null ? null : Collections.unmodifiableSortedSet(new TreeSet<>(only));
  }

  public MonthRange(String from, String to) {
    this(from, to, null);
  }

  /** From the command line's {@code yyyy-mm} values (either may be null). */
  public static MonthRange parse(String from, String to) {
    var range = new MonthRange(month(from, "--from"), month(to, "--to"));
    if (range.from != null && range.to != null && range.from.compareTo(range.to) > 0) {
      throw new UsageException("--from " + from + " is after --to " + to);
    }
    return range;
  }

  private static String month(String value, String option) {
    if (value == null) {
      return null;
    }
    var m = MONTH.matcher(value.strip());
    if (!m.matches()) {
      throw new UsageException(option + ": expected a month as yyyy-mm, got \"" + value + "\"");
    }
    return m.group(1) + "_" + m.group(2);
  }

  /** These bounds, further limited to the given months. */
  public MonthRange restrictedTo(java.util.Collection<String> months) {
    var kept = new TreeSet<String>();
    for (String m : months) {
      if (contains(m)) {
        kept.add(m);
      }
    }
    return new MonthRange(from, to, kept);
  }

  /** How many months these are at most ({@code only}'s size, or the months between the bounds); -1 if unbounded. */
  public long size() {
    if (only != null) {
      return only.size();
    }
    if (from == null || to == null) {
      return -1;
    }
    return java.time.temporal.ChronoUnit.MONTHS.between(yearMonth(from), yearMonth(to)) + 1;
  }

  /** Bounded, and at most {@code months} months long. */
  public boolean isAtMost(long months) {
    long size = size();
    return size >= 0 && size <= months;
  }

  /** The earliest month these can hold ({@code only}'s first, else the lower bound); null when there is none. */
  public String first() {
    if (only != null) {
      return only.isEmpty() ? null : only.first();
    }
    return from;
  }

  private static java.time.YearMonth yearMonth(String month) {
    return java.time.YearMonth.of(Integer.parseInt(month.substring(0, 4)), Integer.parseInt(month.substring(5, 7)));
  }

  /** The {@code yyyy_mm} month {@code months} after {@code month} (before it when negative). */
  public static String shift(String month, int months) {
    java.time.YearMonth ym = yearMonth(month).plusMonths(months);
    return String.format("%04d_%02d", ym.getYear(), ym.getMonthValue());
  }

  public boolean isAll() {
    return from == null && to == null && only == null;
  }

  public boolean contains(String month) {
    return (from == null || month.compareTo(from) >= 0) && (to == null || month.compareTo(to) <= 0)
        && (only == null || only.contains(month));
  }

  /** The same months as a filter on a {@code yyyy_mm} column. */
  public org.apache.spark.sql.Column filter(org.apache.spark.sql.Column month) {
    org.apache.spark.sql.Column all = org.apache.spark.sql.functions.lit(true);
    if (from != null) {
      all = all.and(month.geq(from));
    }
    if (to != null) {
      all = all.and(month.leq(to));
    }
    if (only != null) {
      all = all.and(month.isin(only.toArray()));
    }
    return all;
  }
}
