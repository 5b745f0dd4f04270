package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The noun-phrase shape of trending terms, on the table the jar carries (data/reference/word_classes.tsv). */
class WordClassesTest {
  private static final WordClasses CLASSES = WordClasses.get();

  @Test
  void aNounOrNumberHeadsAPhraseAndAnAdjectiveMayComeBeforeIt() {
    assertThat(List.of("model", "diffusion", "frequency", "2025")).allMatch(CLASSES::isHead);
    assertThat(List.of("high", "learnable", "diffusion")).allMatch(CLASSES::isModifier);
  }

  @Test
  void adverbsVerbsAdjectivesAndPrepositionsDoNot() {
    assertThat(List.of("reliably", "jointly", "optimizes", "learnable", "high", "via", "across")).noneMatch(
        CLASSES::isHead);
    assertThat(List.of("reliably", "jointly", "optimizes", "via", "across")).noneMatch(CLASSES::isModifier);
  }

  @Test
  void aWordTheTableDoesNotHaveCountsAsANounSoNewNamesCanTrend() {
    assertThat(List.of("wan2", "qwen9", "zzyzxbench")).allMatch(w -> CLASSES.isHead(w) && CLASSES.isModifier(w));
  }

  @Test
  void aTermIsShapedLikeANounPhraseWhenItsLastWordIsAHeadAndItsFirstAModifier() {
    List<String> terms = List.of("diffusion model", "high frequency", "learnable", "reliably", "jointly optimizes",
        "across timesteps", "splatting via", "wan2", "frequency");
    assertThat(terms.stream().filter(CLASSES::isNounPhrase))
        .containsExactly("diffusion model", "high frequency", "wan2", "frequency");
  }
}
