package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Quality of predicting a set of classes per paper (a paper's categories, cross-lists included): per class the
 * papers predicted and actually in it, micro-averaged precision, recall and F1 (every paper-class decision counts
 * once) and macro-F1 (the mean over classes with any actual paper). The same arithmetic as scikit-learn's
 * {@code f1_score(average="micro"|"macro")} on label-indicator matrices.
 */
public record MultiLabelMetrics(long papers, double microPrecision, double microRecall, double microF1,
                                double macroF1, List<ClassCounts> classes) {

  /** One class: true positives, false positives, false negatives, and its F1. */
  public record ClassCounts(String label, long truePositives, long falsePositives, long falseNegatives) {
    public double f1() {
      long denominator = 2 * truePositives + falsePositives + falseNegatives;
      return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }
  }

  public static MultiLabelMetrics of(long papers, List<ClassCounts> classes) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    double macro = 0;
    int withSupport = 0;
    for (ClassCounts c : classes) {
      tp += c.truePositives();
      fp += c.falsePositives();
      fn += c.falseNegatives();
      if (c.truePositives() + c.falseNegatives() > 0) {
        macro += c.f1();
        withSupport++;
      }
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    return new MultiLabelMetrics(papers, precision, recall, f1, withSupport == 0 ? 0 : macro / withSupport,
        List.copyOf(classes));
  }

  /**
   * From a dataset with an actual and a predicted array of labels per paper; only labels of {@code classes} count
   * (others, e.g. categories the model pools, are neither right nor wrong).
   */
  public static MultiLabelMetrics of(Dataset<Row> predictions, String actualColumn, String predictedColumn,
                                     List<String> classes) {
    Column label = col("_label");
    Column actual = array_contains(col(actualColumn), label);
    Column predicted = array_contains(col(predictedColumn), label);
    var counts = new TreeMap<String, ClassCounts>();
    for (String c : classes) {
      counts.put(c, new ClassCounts(c, 0, 0, 0));
    }
    List<Row> rows = predictions
        .select(col(actualColumn), col(predictedColumn),
            explode(array_union(col(actualColumn), col(predictedColumn))).as("_label"))
        .filter(label.isin(classes.toArray()))
        .groupBy(label)
        .agg(sum(when(actual.and(predicted), 1).otherwise(0)).as("tp"),
            sum(when(predicted.and(actual.unary_$bang()), 1).otherwise(0)).as("fp"),
            sum(when(actual.and(predicted.unary_$bang()), 1).otherwise(0)).as("fn"))
        .collectAsList();
    for (Row r : rows) {
      counts.put(r.getString(0), new ClassCounts(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    return of(predictions.count(), new ArrayList<>(counts.values()));
  }

  /** As JSON-ready maps, rounded to 4 decimals. */
  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("papers", papers);
    m.put("micro_precision", round(microPrecision));
    m.put("micro_recall", round(microRecall));
    m.put("micro_f1", round(microF1));
    m.put("macro_f1", round(macroF1));
    var perClass = new ArrayList<Map<String, Object>>();
    for (ClassCounts c : classes) {
      var row = new LinkedHashMap<String, Object>();
      row.put("label", c.label());
      row.put("true_positives", c.truePositives());
      row.put("false_positives", c.falsePositives());
      row.put("false_negatives", c.falseNegatives());
      row.put("f1", round(c.f1()));
      perClass.add(row);
    }
    m.put("classes", perClass);
    return m;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
