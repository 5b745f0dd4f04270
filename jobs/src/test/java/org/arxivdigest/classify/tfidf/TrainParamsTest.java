package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind of model has its own defaults, and a training command's choices override them for every kind. */
class TrainParamsTest {
  @Test
  void theCategoryModelDefaultsToWhatItsValidationChoseAndTheOthersToBinaryTermPresence() {
    TrainParams category = TrainParams.Overrides.NONE.forKind(ModelKind.CATEGORY);
    assertThat(category.termFrequency()).isEqualTo(TrainParams.TermFrequency.SUBLINEAR);
    assertThat(category.classWeightPower()).isPositive();
    assertThat(category.multiLabelThreshold()).isPositive();
    for (ModelKind kind : new ModelKind[] {ModelKind.TOPIC, ModelKind.ARCHIVE}) {
      TrainParams p = TrainParams.Overrides.NONE.forKind(kind);
      assertThat(p.termFrequency()).isEqualTo(TrainParams.TermFrequency.BINARY);
      assertThat(p.titleFeatures()).isFalse();
      assertThat(p.vocabSize()).isEqualTo(TrainParams.DEFAULTS.vocabSize());
    }
    assertThat(TrainParams.Overrides.NONE.forKind(ModelKind.ARCHIVE)).isEqualTo(TrainParams.DEFAULTS);
    // Topic models regularize ten times more (chosen on the llm labels' dev half).
    assertThat(TrainParams.Overrides.NONE.forKind(ModelKind.TOPIC).regParam())
        .isEqualTo(10 * TrainParams.DEFAULTS.regParam(), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(new TrainParams.Overrides(null, null, null, 1e-2, null, null, null, null, null, null)
        .forKind(ModelKind.TOPIC).regParam()).isEqualTo(1e-2);
  }

  @Test
  void whatACommandChoosesReplacesOnlyThatDefault() {
    var chosen = new TrainParams.Overrides(5000, null, 25, null, null, TrainParams.TermFrequency.BINARY, null, true,
        0.0, null);
    TrainParams category = chosen.forKind(ModelKind.CATEGORY);
    assertThat(category.vocabSize()).isEqualTo(5000);
    assertThat(category.maxIter()).isEqualTo(25);
    assertThat(category.termFrequency()).isEqualTo(TrainParams.TermFrequency.BINARY);
    assertThat(category.classWeightPower()).isZero();
    assertThat(category.authorFeatures()).isTrue();
    assertThat(category.titleFeatures()).isEqualTo(TrainParams.defaults(ModelKind.CATEGORY).titleFeatures());
    assertThat(category.regParam()).isEqualTo(TrainParams.defaults(ModelKind.CATEGORY).regParam());
    assertThat(chosen.forKind(ModelKind.TOPIC).vocabSize()).isEqualTo(5000);
  }
}
