package org.arxivdigest.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The geometry of a topic's chart for {@code chart.svg.mustache}: the papers its pages list per month, the count
 * the topic page's table shows ({@code listed_papers} of {@code monthly_topic_stats}). Up to
 * {@value #MONTHS_IN_FULL} months from the topic's first to its last: one bar per month, months without papers
 * included, so that the time axis is true. A longer history (35 years of arXiv are 420 months, bars of a pixel)
 * is drawn as two panels: one bar per year (the sum of its months) from the first year to the last, and the last
 * {@value #RECENT_MONTHS} months in full beside it.
 */
public final class Charts {
  private Charts() {}

  /** One month of a topic: the papers its pages list in it. */
  public record MonthBar(String month, long papers) {}

  /** Longest range drawn month by month in one panel. */
  static final int MONTHS_IN_FULL = 36;
  /** Months of the right-hand panel of a longer range. */
  static final int RECENT_MONTHS = 24;

  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  static final double LEFT = 52;
  static final double RIGHT = 708;
  static final double TOP = 40;
  static final double BOTTOM = 226;
  /** Where the years panel ends and the months panel starts, when there are two. */
  static final double SPLIT = 360;
  static final double GAP = 44;

  public static Map<String, Object> scope(String topic, String name, List<MonthBar> bars) {
    var byMonth = new TreeMap<String, Long>();
    bars.forEach(b -> byMonth.put(b.month(), b.papers()));
    var scope = new HashMap<String, Object>();
    scope.put("topic", topic);
    scope.put("name", name);
    scope.put("width", WIDTH);
    scope.put("height", HEIGHT);
    scope.put("left", num(LEFT));
    scope.put("middle", num((TOP + BOTTOM) / 2));
    if (byMonth.isEmpty()) {
      scope.put("first", "-");
      scope.put("last", "-");
      scope.put("panels", List.of());
      scope.put("empty", true);
      return scope;
    }
    List<String> months = monthsBetween(byMonth.firstKey(), byMonth.lastKey());
    scope.put("first", months.get(0));
    scope.put("last", months.get(months.size() - 1));
    var panels = new ArrayList<Map<String, Object>>();
    if (months.size() <= MONTHS_IN_FULL) {
      panels.add(monthPanel(months, byMonth, LEFT, RIGHT, "Papers listed per month"));
    } else {
      var years = new TreeMap<String, Long>();
      for (String m : months) {
        years.merge(m.substring(0, 4), byMonth.getOrDefault(m, 0L), Long::sum);
      }
      panels.add(panel(new ArrayList<>(years.keySet()), years, LEFT, SPLIT, "Per year (sum of months)",
          Charts::yearLabel));
      List<String> recent = months.subList(months.size() - RECENT_MONTHS, months.size());
      panels.add(monthPanel(recent, byMonth, SPLIT + GAP, RIGHT, "Last " + RECENT_MONTHS + " months"));
    }
    scope.put("panels", panels);
    return scope;
  }

  /** The label under a bar, or null: the bar's place among {@code slots} bars of {@code width} px. */
  private interface Labels {
    String label(List<String> keys, int i, double slot);
  }

  private static String yearLabel(List<String> years, int i, double slot) {
    int every = Math.max(1, (int) Math.ceil(30 / slot));
    int year = Integer.parseInt(years.get(i));
    return i == 0 || i == years.size() - 1 && every == 1 || year % every == 0 && i > 0 ? years.get(i) : null;
  }

  private static String monthLabel(List<String> months, int i, double slot) {
    String month = months.get(i);
    boolean january = month.endsWith("_01");
    if (slot >= 26) {
      return i == 0 || january ? month.replace('_', '-') : month.substring(5);
    }
    // Narrow bars: the first month and each January, as years.
    return i == 0 || january ? month.substring(0, 4) : null;
  }

  private static Map<String, Object> monthPanel(List<String> months, Map<String, Long> counts, double left,
                                                double right, String title) {
    return panel(months, counts, left, right, title, Charts::monthLabel);
  }

  /** One panel: a bar per key ({@code counts}, 0 when absent), its own scale and gridlines. */
  private static Map<String, Object> panel(List<String> keys, Map<String, Long> counts, double left, double right,
                                           String title, Labels labels) {
    long max = 1;
    for (String k : keys) {
      max = Math.max(max, counts.getOrDefault(k, 0L));
    }
    long step = niceStep(max);
    long top = step * ((max + step - 1) / step);
    double scale = (BOTTOM - TOP) / top;
    var ticks = new ArrayList<Map<String, Object>>();
    for (long v = 0; v <= top; v += step) {
      double y = BOTTOM - v * scale;
      ticks.add(Map.of("x1", num(left), "x2", num(right), "y", num(y), "labelX", num(left - 6),
          "labelY", num(y + 4), "value", v));
    }
    double slot = (right - left) / keys.size();
    double w = Math.max(1, slot * 0.8);
    var bars = new ArrayList<Map<String, Object>>();
    var texts = new ArrayList<Map<String, Object>>();
    String lastLabel = null;
    double lastX = -100;
    for (int i = 0; i < keys.size(); i++) {
      long papers = counts.getOrDefault(keys.get(i), 0L);
      double x = left + i * slot + (slot - w) / 2;
      double h = papers * scale;
      bars.add(Map.of("key", keys.get(i), "papers", papers, "x", num(x), "w", num(w), "y", num(BOTTOM - h),
          "h", num(h)));
      String text = labels.label(keys, i, slot);
      // Labels at least 30 px apart, so that none overlaps the one before it.
      if (text != null && !text.equals(lastLabel) && x + w / 2 - lastX >= 30) {
        texts.add(Map.of("x", num(x + w / 2), "y", num(BOTTOM + 14), "text", text));
        lastLabel = text;
        lastX = x + w / 2;
      }
    }
    var panel = new HashMap<String, Object>();
    panel.put("title", title);
    panel.put("titleX", num(left));
    panel.put("left", num(left));
    panel.put("right", num(right));
    panel.put("bottom", num(BOTTOM));
    panel.put("ticks", ticks);
    panel.put("bars", bars);
    panel.put("labels", texts);
    return panel;
  }

  /** Every {@code yyyy_MM} month from {@code first} to {@code last}, both included. */
  public static List<String> monthsBetween(String first, String last) {
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
