package org.arxivdigest.classify.tfidf;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** metrics.md: the figures of metrics.json for a human reader. */
public final class MetricsReport {
  private MetricsReport() {}

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  @SuppressWarnings("unchecked")
  public static String markdown(Map<String, Object> report, Metrics m) {
    var sb = new StringBuilder();
    sb.append("# Model ").append(report.get("kind")).append(" ").append(report.get("version")).append("\n\n");
    sb.append("| figure | value |\n| --- | --- |\n");
    sb.append("| training papers | ").append(report.get("train_size")).append(" |\n");
    sb.append("| test papers | ").append(m.total()).append(" |\n");
    sb.append("| classes | ").append(report.get("classes_trained")).append(" |\n");
    sb.append("| training seconds | ").append(report.get("training_seconds")).append(" |\n");
    sb.append("| accuracy | ").append(f(m.accuracy())).append(" |\n");
    sb.append("| macro-F1 | ").append(f(m.macroF1())).append(" |\n");
    sb.append("| weighted-F1 | ").append(f(m.weightedF1())).append(" |\n\n");
    sb.append("## Parameters\n\n");
    ((Map<String, Object>) report.get("parameters")).forEach((k, v) -> sb.append("- ").append(k).append(": ")
        .append(v).append("\n"));
    sb.append("\n## Per class (test split)\n\n| class | support | predicted | precision | recall | F1 |\n"
        + "| --- | --- | --- | --- | --- | --- |\n");
    for (Metrics.ClassMetrics c : m.classes()) {
      sb.append("| ").append(c.label()).append(" | ").append(c.support()).append(" | ").append(c.predicted())
          .append(" | ").append(f(c.precision())).append(" | ").append(f(c.recall())).append(" | ")
          .append(f(c.f1())).append(" |\n");
    }
    sb.append("\n## Top confusions (actual → predicted)\n\n| actual | predicted | papers |\n| --- | --- | --- |\n");
    for (Metrics.Confusion c : m.topConfusions()) {
      sb.append("| ").append(c.actual()).append(" | ").append(c.predicted()).append(" | ").append(c.count())
          .append(" |\n");
    }
    Object terms = report.get("top_terms");
    if (terms instanceof Map<?, ?> t) {
      for (String side : List.of("positive", "negative")) {
        sb.append("\n## Top ").append(side).append(" terms\n\n");
        for (Map<String, Object> e : (List<Map<String, Object>>) t.get(side)) {
          sb.append("- ").append(e.get("term")).append(" (").append(e.get("weight")).append(")\n");
        }
      }
    }
    return sb.toString();
  }
}
