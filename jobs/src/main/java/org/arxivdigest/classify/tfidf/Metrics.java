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
import org.arxivdigest.core.Json;

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

  /** What metrics.json says of a model, top-level numbers first. */
  record Figures(long testSize, double accuracy, double macroF1, double weightedF1, List<ClassMetrics> classes,
                 List<Confusion> topConfusions) {}

  /** As JSON-ready maps ({@link Figures}), top-level numbers first. */
  public Map<String, Object> toMap() {
    return Json.fields(new Figures(total, accuracy, macroF1, weightedF1, classes, topConfusions));
  }
}
