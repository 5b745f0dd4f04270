package org.arxivdigest.classify.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The one-scan sentence split and the one-analysis-per-text matching of several phrases give what the two regexes
 * and a UDF per phrase gave (issue 22), on hand-made edge cases and on every title and abstract of the real sample.
 */
class StemmedPhraseTest {
  /** The split this replaced: a space put after a run-on sentence end, then a split at white space after one. */
  private static final Pattern RUN_ON = Pattern.compile("(?<=\\p{L})([.!?,;:])(?=\\p{Lu})");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?,;:])\\s+");

  private static List<String> regexSentences(String text) {
    var out = new ArrayList<>(List.of(SENTENCE_END.split(RUN_ON.matcher(text).replaceAll("$1 "))));
    out.removeIf(String::isEmpty);
    return out;
  }

  private static List<String> scannedSentences(String text) {
    var out = new ArrayList<String>();
    for (int start = 0; start <= text.length(); ) {
      int[] end = StemmedPhrase.sentenceEnd(text, start);
      out.add(text.substring(start, end[0]));
      start = end[1];
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  /** Per phrase, as the UDF per phrase did: any regex-split sentence whose tokens match. */
  private static boolean regexMatches(StemmedPhrase p, String text) {
    String[] stems = p.stems().toArray(String[]::new);
    for (String sentence : regexSentences(text)) {
      if (stems.length > 0 && StemmedPhrase.matches(StemmedPhrase.tokens(sentence), stems, StemmedPhrase.SLOP)) {
        return true;
      }
    }
    return false;
  }

  private static final List<String> EDGES = List.of("", " ", ".", "a.", "a. ", "a.B", "a.b", "A survey.However, more",
      "x.. Y", "x . Y", "x .Y", "1.5 B", "e.g. Gaussian", "Gaussian\tsplatting;\n\nembodied AI:AI", "end.  \r\nNext",
      "Ωmega.Δelta", "naïve.École", "a,B", "U.S.A. Then", "x.\u00a0Y", "emoji \uD83D\uDE00.\uD835\uDC00bc",
      "trailing,", "  lead. ing");

  @Test
  void theScanSplitsSentencesAsTheTwoRegexesDid() {
    for (String text : EDGES) {
      assertThat(scannedSentences(text)).as(text).isEqualTo(regexSentences(text));
    }
    for (String text : sampleTexts()) {
      assertThat(scannedSentences(text)).as(text).isEqualTo(regexSentences(text));
    }
  }

  @Test
  void findAllFindsWhatEachPhraseFindsAlone() {
    StemmedPhrase[] phrases = List.of("gaussian splatting", "embodied ai", "diffusion model",
        "graph neural network", "retrieval augmented generation", "large language model", "black hole",
        "of the").stream().map(StemmedPhrase::new).toArray(StemmedPhrase[]::new);
    long all = (1L << phrases.length) - 1;
    int found = 0;
    var texts = new ArrayList<>(EDGES);
    texts.addAll(sampleTexts());
    for (String text : texts) {
      long expected = 0;
      for (int i = 0; i < phrases.length; i++) {
        if (regexMatches(phrases[i], text)) {
          expected |= 1L << i;
        }
      }
      if (EDGES.contains(text)) { // each phrase looked for alone
        for (int i = 0; i < phrases.length; i++) {
          assertThat(StemmedPhrase.findAll(text, new StemmedPhrase[] {phrases[i]}, 1L) == 1L)
              .as(phrases[i] + " in " + text).isEqualTo((expected >> i & 1) == 1);
        }
      }
      assertThat(StemmedPhrase.findAll(text, phrases, all)).as(text).isEqualTo(expected);
      // Only the candidates are looked for.
      assertThat(StemmedPhrase.findAll(text, phrases, 0b101)).as(text).isEqualTo(expected & 0b101);
      found += Long.bitCount(expected);
    }
    // The comparison saw real matches, and a phrase of stop words alone ("of the") is never found.
    assertThat(found).isGreaterThan(500);
    assertThat(StemmedPhrase.findAll("one of the two", phrases, all)).isZero();
  }

  /** Every title and abstract of the real sample (its kaggle and recent files). */
  private static List<String> sampleTexts() {
    var out = new ArrayList<String>();
    for (Row r : TestSpark.sampleDocuments().collectAsList()) {
      for (int i = 1; i <= 2; i++) {
        if (!r.isNullAt(i)) {
          out.add(r.getString(i));
        }
      }
    }
    return out;
  }
}
