package org.arxivdigest.publish;

import java.util.regex.Pattern;
import org.arxivdigest.cli.UsageException;

/** The months a publish rewrites, as {@code yyyy_mm} bounds (inclusive); null bounds are open. */
public record MonthRange(String from, String to) {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})[-_](0[1-9]|1[0-2])");

  public static final MonthRange ALL = new MonthRange(null, null);

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

  public boolean isAll() {
    return from == null && to == null;
  }

  public boolean contains(String month) {
    return (from == null || month.compareTo(from) >= 0) && (to == null || month.compareTo(to) <= 0);
  }
}
