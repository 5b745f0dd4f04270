package org.arxivdigest.classify.tfidf;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** evaluation.md: the figures of evaluation.json for a human reader. */
public final class EvaluationReport {
  private EvaluationReport() {}

  private static String f(Object d) {
    return d instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : String.valueOf(d);
  }

  @SuppressWarnings("unchecked")
  public static String markdown(Map<String, Object> report) {
    var sb = new StringBuilder("# Evaluation\n\n");
    for (Map<String, Object> t : (List<Map<String, Object>>) report.get("topics")) {
      sb.append("## Topic ").append(t.get("topic")).append(" against human labels\n\n");
      sb.append(t.get("labelled")).append(" labelled papers (").append(t.get("positives"))
          .append(" positive); dev half ")
          .append(t.get("dev_size")).append(" (thresholds chosen here), test half ").append(t.get("test_size"))
          .append(" (figures below).");
      if (t.containsKey("combined_threshold")) {
        sb.append(" Thresholds from dev: tfidf ").append(t.get("tfidf_threshold")).append(", combined ")
            .append(t.get("combined_threshold")).append(".");
      }
      sb.append("\n\n| method | precision | recall | F1 | tp | fp | fn |\n")
          .append("| --- | --- | --- | --- | --- | --- | --- |\n");
      ((Map<String, Object>) t.get("methods")).forEach((method, v) -> {
        var m = (Map<String, Object>) v;
        sb.append("| ").append(method).append(" | ").append(f(m.get("precision"))).append(" | ")
            .append(f(m.get("recall"))).append(" | ").append(f(m.get("f1"))).append(" | ").append(m.get("tp"))
            .append(" | ").append(m.get("fp")).append(" | ").append(m.get("fn")).append(" |\n");
      });
      sb.append("\n");
    }
    var models = (Map<String, Object>) report.get("models");
    if (!models.isEmpty()) {
      sb.append("## Category and archive models on the test split\n\n| model | test papers | accuracy | macro-F1 | "
          + "weighted-F1 |\n| --- | --- | --- | --- | --- |\n");
      models.forEach((kind, v) -> {
        var m = (Map<String, Object>) v;
        sb.append("| ").append(kind).append(" | ").append(m.get("test_size")).append(" | ")
            .append(f(m.get("accuracy"))).append(" | ").append(f(m.get("macro_f1"))).append(" | ")
            .append(f(m.get("weighted_f1"))).append(" |\n");
      });
    }
    return sb.toString();
  }
}
