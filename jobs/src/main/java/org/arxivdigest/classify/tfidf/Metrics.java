package org.arxivdigest.classify.tfidf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Classification quality from a confusion table (actual label, predicted label, count): accuracy, per-class
 * precision / recall / F1, macro- and weighted-F1 and the largest confusions. Plain arithmetic on the driver: the
 * table has at most classes² cells.
 */
public record Metrics(long total, double accuracy, double macroF1, double weightedF1, List<ClassMetrics> classes,
                      List<Confusion> topConfusions) {

  public record ClassMetrics(String label, long support, long predicted, double precision, double recall,
                             double f1) {}

  public record Confusion(String actual, String predicted, long count) {}

  /** A cell of the confusion table. */
  public record Cell(String actual, String predicted) {}

  public static Metrics of(Map<Cell, Long> table) {
    var labels = new TreeSet<String>();
    var support = new TreeMap<String, Long>();
    var predicted = new TreeMap<String, Long>();
    var correct = new TreeMap<String, Long>();
    long total = 0;
    long right = 0;
    var confusions = new ArrayList<Confusion>();
    for (var e : table.entrySet()) {
      Cell c = e.getKey();
      long n = e.getValue();
      labels.add(c.actual());
      labels.add(c.predicted());
      support.merge(c.actual(), n, Long::sum);
      predicted.merge(c.predicted(), n, Long::sum);
      total += n;
      if (c.actual().equals(c.predicted())) {
        correct.merge(c.actual(), n, Long::sum);
        right += n;
      } else {
        confusions.add(new Confusion(c.actual(), c.predicted(), n));
      }
    }
    var classes = new ArrayList<ClassMetrics>();
    double macro = 0;
    double weighted = 0;
    int withSupport = 0;
    for (String label : labels) {
      long s = support.getOrDefault(label, 0L);
      long p = predicted.getOrDefault(label, 0L);
      long tp = correct.getOrDefault(label, 0L);
      double precision = p == 0 ? 0 : (double) tp / p;
      double recall = s == 0 ? 0 : (double) tp / s;
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      classes.add(new ClassMetrics(label, s, p, precision, recall, f1));
      if (s > 0) {
        macro += f1;
        weighted += f1 * s;
        withSupport++;
      }
    }
    confusions.sort(Comparator.comparingLong(Confusion::count).reversed()
        .thenComparing(Confusion::actual).thenComparing(Confusion::predicted));
    return new Metrics(total, total == 0 ? 0 : (double) right / total, withSupport == 0 ? 0 : macro / withSupport,
        total == 0 ? 0 : weighted / total, classes, List.copyOf(confusions.subList(0, Math.min(10,
        confusions.size()))));
  }

  /** From a dataset of (actual, predicted) label columns. */
  public static Metrics of(Dataset<Row> predictions, String actualColumn, String predictedColumn) {
    var table = new LinkedHashMap<Cell, Long>();
    for (Row r : predictions.groupBy(actualColumn, predictedColumn).count().collectAsList()) {
      table.put(new Cell(r.getString(0), r.getString(1)), r.getLong(2));
    }
    return of(table);
  }

  public ClassMetrics forClass(String label) {
    return classes.stream().filter(c -> c.label().equals(label)).findFirst()
        .orElse(new ClassMetrics(label, 0, 0, 0, 0, 0));
  }

  /** As JSON-ready maps, top-level numbers first. */
  public Map<String, Object> toMap() {
    var out = new LinkedHashMap<String, Object>();
    out.put("test_size", total);
    out.put("accuracy", accuracy);
    out.put("macro_f1", macroF1);
    out.put("weighted_f1", weightedF1);
    var perClass = new ArrayList<Map<String, Object>>();
    for (ClassMetrics c : classes) {
      var m = new LinkedHashMap<String, Object>();
      m.put("label", c.label());
      m.put("support", c.support());
      m.put("predicted", c.predicted());
      m.put("precision", c.precision());
      m.put("recall", c.recall());
      m.put("f1", c.f1());
      perClass.add(m);
    }
    out.put("classes", perClass);
    out.put("top_confusions", topConfusions.stream().map(c -> Map.of("actual", c.actual(), "predicted",
        c.predicted(), "count", c.count())).toList());
    return out;
  }
}
