package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import org.arxivdigest.classify.tfidf.Metrics.Cell;
import org.junit.jupiter.api.Test;

class MetricsTest {

  /**
   * A hand-made case, worked out on paper. Actual → predicted counts:
   * cs.CL: 8 right, 2 as cs.CV; cs.CV: 5 right, 1 as cs.CL; other: 1 right, 3 as cs.CV. 20 papers.
   * Precision: CL 8/9, CV 5/10, other 1/1; recall: CL 8/10, CV 5/6, other 1/4.
   */
  @Test
  void computesAccuracyPerClassAndAveragedF1OnAHandMadeConfusionTable() {
    var table = new LinkedHashMap<Cell, Long>();
    table.put(new Cell("cs.CL", "cs.CL"), 8L);
    table.put(new Cell("cs.CL", "cs.CV"), 2L);
    table.put(new Cell("cs.CV", "cs.CV"), 5L);
    table.put(new Cell("cs.CV", "cs.CL"), 1L);
    table.put(new Cell("other", "other"), 1L);
    table.put(new Cell("other", "cs.CV"), 3L);
    Metrics m = Metrics.of(table);

    assertThat(m.total()).isEqualTo(20);
    assertThat(m.accuracy()).isCloseTo(14 / 20.0, within(1e-12));
    double f1Cl = 2 * (8 / 9.0) * (8 / 10.0) / (8 / 9.0 + 8 / 10.0);
    double f1Cv = 2 * (5 / 10.0) * (5 / 6.0) / (5 / 10.0 + 5 / 6.0);
    double f1Other = 2 * 1.0 * 0.25 / 1.25;
    assertThat(m.forClass("cs.CL").precision()).isCloseTo(8 / 9.0, within(1e-12));
    assertThat(m.forClass("cs.CV").recall()).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(m.forClass("other").f1()).isCloseTo(0.4, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((f1Cl + f1Cv + f1Other) / 3, within(1e-12));
    assertThat(m.weightedF1()).isCloseTo((f1Cl * 10 + f1Cv * 6 + f1Other * 4) / 20, within(1e-12));
    assertThat(m.topConfusions().get(0)).isEqualTo(new Metrics.Confusion("other", "cs.CV", 3));
    assertThat(m.toMap()).containsKeys("accuracy", "macro_f1", "test_size");
  }

  @Test
  void aClassNeverPredictedHasZeroPrecisionAndCountsInTheMacroAverage() {
    var table = new LinkedHashMap<Cell, Long>();
    table.put(new Cell("yes", "no"), 2L);
    table.put(new Cell("no", "no"), 8L);
    Metrics m = Metrics.of(table);
    assertThat(m.forClass("yes").precision()).isZero();
    assertThat(m.forClass("yes").recall()).isZero();
    assertThat(m.macroF1()).isCloseTo((0 + 2 * 0.8 / 1.8) / 2, within(1e-12));
  }
}
