package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.junit.jupiter.api.Test;

class WrittenFormsTest {
  private static WrittenForms read(String text) {
    var words = new WrittenForms(text);
    DocumentTerms.forEachPlacedWord(text, words::add);
    return words;
  }

  /** The written form of the words {@code first..last} of {@code text}. */
  private static String written(String text, int first, int last) {
    return read(text).written(first, last);
  }

  @Test
  void wordsAreGivenAsTheTextWritesThemWithTheStopWordsAndHyphensBetween() {
    // "we" is a stop word: the words are chain, thought, prompting, long, horizon, tasks.
    String text = "We use Chain-of-Thought prompting on long\u2010horizon   tasks.";
    WrittenForms words = read(text);
    assertThat(words.word(0)).isEqualTo("use");
    assertThat(words.written(1, 2)).isEqualTo("Chain-of-Thought");
    assertThat(words.written(1, 3)).isEqualTo("Chain-of-Thought prompting");
    // Any hyphen is written "-", white space as one space.
    assertThat(words.written(4, 6)).isEqualTo("long-horizon tasks");
  }

  @Test
  void aRunThatStartsASentenceHasNoWrittenFormNorDoesATitle() {
    assertThat(written("Chunks are short.", 0, 0)).isNull();
    assertThat(written("They are short. Chunks help.", 1, 1)).isNull();
    assertThat(written("They are short; chunks help.", 1, 1)).isEqualTo("chunks");
    var title = new WrittenForms(null);
    DocumentTerms.forEachPlacedWord("Long Horizon Planning", title::add);
    assertThat(title.size()).isEqualTo(3);
    assertThat(title.written(0, 1)).isNull();
  }

  @Test
  void onlyLettersHyphensAndSpacesAreKeptBetweenWords() {
    // A number between a term's words is one space: the term counts every version.
    assertThat(written("We test Gemini 2.5 Flash.", 1, 2)).isEqualTo("Gemini Flash");
    // Markup cannot come through: brackets, slashes, stars, backslashes, angle brackets.
    assertThat(written("an encoder](javascript:x)decoder", 0, 1)).isEqualTo("encoder javascript");
    assertThat(written("an encoder/decoder", 0, 1)).isEqualTo("encoder decoder");
    assertThat(written("a Qwen3*VL model", 0, 1)).isEqualTo("Qwen3 VL");
    assertThat(written("a Qwen3<b>VL model", 0, 1)).isEqualTo("Qwen3 VL");
    // A long stretch between two words is one space.
    assertThat(written("x state-of-the-of-the-of-the-art y", 0, 1)).isEqualTo("state art");
    // Every form is letters, digits, hyphens and single spaces.
    String hostile = "Is a|b <i>c</i> $\\alpha$ [d](e) `f` *g* _h_ \u00c9cole-of-Paris?";
    WrittenForms words = read(hostile);
    for (int i = 0; i + 1 < words.size(); i++) {
      String form = words.written(i, i + 1);
      if (form != null) {
        assertThat(form).matches("[\\p{L}\\p{N}]+([- ]|[-\\p{L}]+)[\\p{L}\\p{N}]+");
      }
    }
    assertThat(words.written(words.size() - 2, words.size() - 1)).isEqualTo("\u00c9cole-of-Paris");
  }

  @Test
  void aWordNotWhereItWasReadHasNoWrittenForm() {
    // The dotted capital I lower-cases to two chars: the positions after it are the lower case's, not the text's.
    String text = "x \u0130\u0130\u0130\u0130 then HotpotQA wins";
    WrittenForms words = read(text);
    int last = words.size() - 1;
    assertThat(words.word(last - 1)).isEqualTo("hotpotqa");
    assertThat(words.written(last - 1, last - 1)).isNull();
  }
}
