package org.arxivdigest.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The geometry of a topic's chart, papers per month (new and updated, stacked), for {@code chart.svg.mustache}:
 * one bar per month from the topic's first month to its last, months without papers included, so that the time
 * axis is true. The counts are those of {@code monthly_topic_stats} for the method the pages use.
 */
public final class Charts {
  private Charts() {}

  /** One month of a topic: papers whose first version is in it, and papers with a later version in it. */
  public record MonthBar(String month, long newPapers, long updatedPapers) {}

  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  static final double LEFT = 52;
  static final double RIGHT = 708;
  static final double TOP = 34;
  static final double BOTTOM = 226;

  public static Map<String, Object> scope(String topic, String name, List<MonthBar> bars) {
    var byMonth = new TreeMap<String, MonthBar>();
    bars.forEach(b -> byMonth.put(b.month(), b));
    var scope = new HashMap<String, Object>();
    scope.put("topic", topic);
    scope.put("name", name);
    scope.put("width", WIDTH);
    scope.put("height", HEIGHT);
    scope.put("left", num(LEFT));
    scope.put("right", num(RIGHT));
    scope.put("bottom", num(BOTTOM));
    scope.put("middle", num((TOP + BOTTOM) / 2));
    scope.put("legendX", num(RIGHT - 250));
    scope.put("legendNewText", num(RIGHT - 236));
    scope.put("legendUpdatedX", num(RIGHT - 170));
    scope.put("legendUpdatedText", num(RIGHT - 156));
    if (byMonth.isEmpty()) {
      scope.put("first", "-");
      scope.put("last", "-");
      scope.put("bars", List.of());
      scope.put("ticks", List.of());
      scope.put("labels", List.of());
      return scope;
    }
    List<String> months = monthsBetween(byMonth.firstKey(), byMonth.lastKey());
    scope.put("first", months.get(0));
    scope.put("last", months.get(months.size() - 1));
    long max = 1;
    for (MonthBar b : byMonth.values()) {
      max = Math.max(max, b.newPapers() + b.updatedPapers());
    }
    long step = niceStep(max);
    long top = step * ((max + step - 1) / step);
    double scale = (BOTTOM - TOP) / top;
    var ticks = new ArrayList<Map<String, Object>>();
    for (long v = 0; v <= top; v += step) {
      double y = BOTTOM - v * scale;
      ticks.add(Map.of("y", num(y), "labelX", num(LEFT - 6), "labelY", num(y + 4), "value", v));
    }
    double slot = (RIGHT - LEFT) / months.size();
    double w = Math.max(1, slot * 0.8);
    var barScopes = new ArrayList<Map<String, Object>>();
    var labels = new ArrayList<Map<String, Object>>();
    int labelEvery = Math.max(1, (int) Math.ceil(44 / (slot * 12)));
    for (int i = 0; i < months.size(); i++) {
      String month = months.get(i);
      MonthBar b = byMonth.getOrDefault(month, new MonthBar(month, 0, 0));
      double x = LEFT + i * slot + (slot - w) / 2;
      double newH = b.newPapers() * scale;
      double updH = b.updatedPapers() * scale;
      var bar = new HashMap<String, Object>();
      bar.put("month", month);
      bar.put("newPapers", b.newPapers());
      bar.put("updatedPapers", b.updatedPapers());
      bar.put("x", num(x));
      bar.put("w", num(w));
      bar.put("newY", num(BOTTOM - newH));
      bar.put("newH", num(newH));
      bar.put("updY", num(BOTTOM - newH - updH));
      bar.put("updH", num(updH));
      barScopes.add(bar);
      int year = Integer.parseInt(month.substring(0, 4));
      boolean january = month.endsWith("_01");
      if (months.size() <= 18) {
        labels.add(Map.of("x", num(x + w / 2), "y", num(BOTTOM + 14), "text",
            i == 0 || january ? month.replace('_', '-') : month.substring(5)));
      } else if ((january || i == 0) && year % labelEvery == 0) {
        labels.add(Map.of("x", num(x + w / 2), "y", num(BOTTOM + 14), "text", String.valueOf(year)));
      }
    }
    scope.put("ticks", ticks);
    scope.put("bars", barScopes);
    scope.put("labels", labels);
    return scope;
  }

  /** Every {@code yyyy_MM} month from {@code first} to {@code last}, both included. */
  static List<String> monthsBetween(String first, String last) {
    int y = Integer.parseInt(first.substring(0, 4));
    int m = Integer.parseInt(first.substring(5, 7));
    var out = new ArrayList<String>();
    while (true) {
      String month = String.format(Locale.ROOT, "%04d_%02d", y, m);
      out.add(month);
      if (month.compareTo(last) >= 0) {
        return out;
      }
      m++;
      if (m == 13) {
        m = 1;
        y++;
      }
    }
  }

  /** A step of 1, 2 or 5 times a power of ten giving at most 5 gridlines up to {@code max}. */
  static long niceStep(long max) {
    long power = 1;
    while (true) {
      for (long f : new long[] {1, 2, 5}) {
        if (f * power * 5 >= max) {
          return f * power;
        }
      }
      power *= 10;
    }
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
