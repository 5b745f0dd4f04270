package org.arxivdigest.classify.tfidf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision, recall and F1 of a topic's three methods against human labels. Thresholds are chosen on the dev
 * half of the labels only; the figures that count are those of the test half.
 */
public final class Evaluation {
  private Evaluation() {}

  /** One labelled paper: the human label, the keyword rule's verdict, the model's score (null: no model / not a
   * candidate), and whether it is in the dev half. */
  public record Judged(String id, boolean label, boolean keyword, Double score, boolean dev) {}

  /** Precision, recall, F1 and the counts behind them. */
  public record Prf(long tp, long fp, long fn, long tn) {
    public double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public Map<String, Object> toMap() {
      var m = new LinkedHashMap<String, Object>();
      m.put("precision", precision());
      m.put("recall", recall());
      m.put("f1", f1());
      m.put("tp", tp);
      m.put("fp", fp);
      m.put("fn", fn);
      m.put("tn", tn);
      return m;
    }
  }

  public interface Rule {
    boolean predict(Judged j);
  }

  public static Prf prf(List<Judged> judged, Rule rule) {
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (Judged j : judged) {
      boolean p = rule.predict(j);
      if (p && j.label()) {
        tp++;
      } else if (p) {
        fp++;
      } else if (j.label()) {
        fn++;
      } else {
        tn++;
      }
    }
    return new Prf(tp, fp, fn, tn);
  }

  static boolean scoreAtLeast(Judged j, double threshold) {
    return j.score() != null && j.score() >= threshold;
  }

  /**
   * Candidate thresholds: 0.001, 0.002, 0.005, 0.01 .. 0.04, then 0.05 .. 0.95 by 0.05 (a topic model trained on the
   * keyword rule's positives gives papers that never say the keyword small probabilities: its best threshold for
   * them may be far below 0.5).
   */
  static final double[] THRESHOLDS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.1, 0.15, 0.2, 0.25,
      0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

  /**
   * The candidate threshold with the best F1 on {@code dev}. Where several tie, the middle of them (rounded to
   * 0.001): the least sensitive to where exactly the dev half puts the boundary.
   */
  public static double bestThreshold(List<Judged> dev, boolean withKeyword) {
    double bestF1 = -1;
    var best = new ArrayList<Double>();
    for (double t : THRESHOLDS) {
      double f1 = prf(dev, j -> (withKeyword && j.keyword()) || scoreAtLeast(j, t)).f1();
      if (f1 > bestF1 + 1e-12) {
        bestF1 = f1;
        best.clear();
      }
      if (Math.abs(f1 - bestF1) <= 1e-12) {
        best.add(t);
      }
    }
    double middle = best.stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
    return Math.round(middle * 1000) / 1000.0;
  }

  /** The report of one topic: thresholds from dev, P/R/F1 of keyword, tfidf and combined on test (and on dev). */
  public static Map<String, Object> topicReport(String topic, List<Judged> judged, boolean hasModel) {
    var dev = new ArrayList<Judged>();
    var test = new ArrayList<Judged>();
    for (Judged j : judged) {
      (j.dev() ? dev : test).add(j);
    }
    var report = new LinkedHashMap<String, Object>();
    report.put("topic", topic);
    report.put("labelled", judged.size());
    report.put("positives", judged.stream().filter(Judged::label).count());
    report.put("dev_size", dev.size());
    report.put("test_size", test.size());
    var methods = new LinkedHashMap<String, Object>();
    methods.put("keyword", halves(dev, test, Judged::keyword));
    if (hasModel) {
      double tfidfT = bestThreshold(dev, false);
      double combinedT = bestThreshold(dev, true);
      report.put("tfidf_threshold", tfidfT);
      report.put("combined_threshold", combinedT);
      methods.put("tfidf", halves(dev, test, j -> scoreAtLeast(j, tfidfT)));
      methods.put("combined", halves(dev, test, j -> j.keyword() || scoreAtLeast(j, combinedT)));
    }
    report.put("methods", methods);
    var papers = new ArrayList<Map<String, Object>>();
    for (Judged j : judged) {
      var p = new LinkedHashMap<String, Object>();
      p.put("id", j.id());
      p.put("half", j.dev() ? "dev" : "test");
      p.put("label", j.label() ? "yes" : "no");
      p.put("keyword", j.keyword());
      p.put("score", j.score());
      papers.add(p);
    }
    report.put("papers", papers);
    return report;
  }

  private static Map<String, Object> halves(List<Judged> dev, List<Judged> test, Rule rule) {
    var m = new LinkedHashMap<String, Object>(prf(test, rule).toMap());
    m.put("dev", prf(dev, rule).toMap());
    return m;
  }
}
