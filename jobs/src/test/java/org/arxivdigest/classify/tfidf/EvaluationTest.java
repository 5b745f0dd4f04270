package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.arxivdigest.classify.tfidf.Evaluation.Judged;
import org.junit.jupiter.api.Test;

class EvaluationTest {

  @Test
  void precisionRecallAndF1OfAHandMadeCase() {
    // 3 true positives, 1 false positive, 2 false negatives, 4 true negatives.
    var judged = List.of(
        new Judged("a", true, true, null, false), new Judged("b", true, true, null, false),
        new Judged("c", true, true, null, false), new Judged("d", false, true, null, false),
        new Judged("e", true, false, null, false), new Judged("f", true, false, null, false),
        new Judged("g", false, false, null, false), new Judged("h", false, false, null, false),
        new Judged("i", false, false, null, false), new Judged("j", false, false, null, false));
    var prf = Evaluation.prf(judged, Judged::keyword);
    assertThat(prf.precision()).isCloseTo(0.75, within(1e-12));
    assertThat(prf.recall()).isCloseTo(0.6, within(1e-12));
    assertThat(prf.f1()).isCloseTo(2 * 0.75 * 0.6 / 1.35, within(1e-12));
    assertThat(prf.tn()).isEqualTo(4);
  }

  @Test
  void thresholdsComeFromTheDevHalfOnlyAndCombinedAddsTheModelsFinds() {
    var judged = List.of(
        // dev: the model separates at 0.6
        new Judged("d1", true, false, 0.9, true), new Judged("d2", true, true, 0.7, true),
        new Judged("d3", false, false, 0.55, true), new Judged("d4", false, false, 0.1, true),
        // test: a positive only the model finds, one only the keyword finds
        new Judged("t1", true, false, 0.8, false), new Judged("t2", true, true, 0.2, false),
        new Judged("t3", false, false, 0.3, false), new Judged("t4", false, false, 0.58, false));
    Map<String, Object> report = Evaluation.topicReport("llm", judged, true);
    // Dev F1 is 1.0 for every threshold from 0.6 to 0.9: the middle, 0.75, is taken.
    assertThat((double) report.get("combined_threshold")).isCloseTo(0.75, within(1e-9));
    @SuppressWarnings("unchecked")
    var methods = (Map<String, Map<String, Object>>) report.get("methods");
    assertThat((double) methods.get("keyword").get("recall")).isCloseTo(0.5, within(1e-12));
    assertThat((double) methods.get("combined").get("recall")).isCloseTo(1.0, within(1e-12));
    assertThat((double) methods.get("combined").get("precision")).isCloseTo(1.0, within(1e-12));
    assertThat(report.get("test_size")).isEqualTo(4);
  }
}
