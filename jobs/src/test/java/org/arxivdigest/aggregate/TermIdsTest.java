package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * {@link TermIds} against a plain version of its terms: the words of {@link DocumentTerms#of}, and the 2-grams of
 * words standing next to each other in one field, found here by regular expressions instead of its scan.
 */
class TermIdsTest {

  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]");
  private static final Pattern HYPHENS = Pattern.compile("[\\-\\u2010\\u2011]*");
  /** Hyphens and numbers (ASCII digits, a point or comma only between two). */
  private static final Pattern NUMBERS = Pattern.compile("(?:[\\-\\u2010\\u20110-9]|(?<=[0-9])[.,](?=[0-9]))*");

  /**
   * The terms TermIds should give, without its scan, of the fields without their TeX markup
   * ({@link DocumentTerms#withoutTex}): in each field, two kept words are a 2-gram when the text
   * between them has no space, or when, cut at its spaces, its first and last pieces are only hyphens and those
   * between are only hyphens and numbers.
   */
  private static Set<String> expected(String rawTitle, String rawAbstract) {
    String title = DocumentTerms.withoutTex(rawTitle);
    String abstractText = DocumentTerms.withoutTex(rawAbstract);
    var out = new HashSet<>(DocumentTerms.words((title == null ? "" : title) + " "
        + (abstractText == null ? "" : abstractText)));
    for (String field : new String[] {title, abstractText}) {
      String text = field == null ? "" : field.toLowerCase();
      Matcher token = TOKEN.matcher(text);
      String previous = null;
      int previousEnd = 0;
      while (token.find()) {
        if (DocumentTerms.words(token.group()).isEmpty()) {
          continue; // too short or a stop word
        }
        String[] pieces = SPACE.split(text.substring(previousEnd, token.start()), -1);
        boolean pair = pieces.length == 1;
        if (!pair) {
          pair = HYPHENS.matcher(pieces[0]).matches() && HYPHENS.matcher(pieces[pieces.length - 1]).matches();
          for (int i = 1; i < pieces.length - 1; i++) {
            pair &= NUMBERS.matcher(pieces[i]).matches();
          }
        }
        if (previous != null && pair) {
          out.add(previous + " " + token.group());
        }
        previous = token.group();
        previousEnd = token.end();
      }
    }
    return out;
  }

  private static Set<String> terms(TermIds ids, String title, String abstractText) {
    int n = ids.of(title, abstractText);
    var out = new HashSet<String>();
    for (int i = 0; i < n; i++) {
      assertThat(out.add(ids.term(ids.terms()[i]))).as("each term once").isTrue();
    }
    return out;
  }

  @Test
  void numbersTheTermsOfEveryRealSampleRecordAsThePlainVersionDoes() {
    var ids = new TermIds(); // one for all, as a task uses it: numbers of earlier papers stay valid
    var differ = new ArrayList<String>();
    long terms = 0;
    for (Row r : TestSpark.sampleDocuments().collectAsList()) {
      Set<String> expected = expected(r.getString(1), r.getString(2));
      terms += expected.size();
      Set<String> got = terms(ids, r.getString(1), r.getString(2));
      if (!got.equals(expected)) {
        var scanOnly = new HashSet<>(got);
        scanOnly.removeAll(expected);
        var plainOnly = new HashSet<>(expected);
        plainOnly.removeAll(got);
        differ.add(r.getString(0) + ": only the scan " + scanOnly + ", only the plain version " + plainOnly);
      }
    }
    assertThat(differ).as("papers whose terms differ").isEmpty();
    assertThat(terms).isGreaterThan(1_000_000);
  }

  @Test
  void givesEachTermOnceWithWordsAloneAndInPairs() {
    var ids = new TermIds();
    assertThat(terms(ids, "Graph graph graph", "graph networks; graph networks"))
        .containsExactlyInAnyOrder("graph", "networks", "graph graph", "graph networks"); // not across ";"
    assertThat(terms(ids, null, null)).isEmpty();
    assertThat(terms(ids, "networks", null)).containsExactly("networks");
    assertThat(terms(ids, null, "networks")).containsExactly("networks");
    // Sorted, so that counting them needs no set.
    int n = ids.of("zeta alpha beta", "alpha");
    for (int i = 1; i < n; i++) {
      assertThat(ids.terms()[i]).isGreaterThan(ids.terms()[i - 1]);
    }
  }

  @Test
  void pairsOnlyWordsThatStandNextToEachOtherInOneField() {
    var ids = new TermIds();
    // With space between, a stop word, a dropped one-letter token, punctuation and the end of the title all break
    // a pair; inside one compound they do not.
    assertThat(terms(ids, "Agents for ALFWorld", "Experiments on ALFWorld. Yet open-weight VLMs (RL) x rewards"))
        .containsExactlyInAnyOrder("agents", "alfworld", "experiments", "yet", "open", "weight", "vlms", "rl",
            "rewards", "open weight", "weight vlms", "yet open");
    assertThat(terms(ids, "LLM-as-a-judge with Gemini-2.5-Flash", null))
        .containsExactlyInAnyOrder("llm", "judge", "gemini", "flash", "llm judge", "gemini flash");
    // A number between two words belongs to the name; a number in parentheses, or part of a word, does not.
    assertThat(terms(ids, "Gemini 2.5 Flash", "Qwen 3 (2) models scoring 0.98"))
        .containsExactlyInAnyOrder("gemini", "flash", "qwen", "models", "scoring", "98", "gemini flash",
            "models scoring");
    // White space of any kind and hyphens join: the same pairs as the model's 2-grams there.
    assertThat(terms(ids, "Vision\u2010language\nmodel", null))
        .containsExactlyInAnyOrder("vision", "language", "model", "vision language", "language model");
    assertThat(terms(ids, "Graph networks", "Networks scale"))
        .as("no pair from the title's last word to the abstract's first")
        .doesNotContain("networks networks").contains("graph networks", "networks scale");
  }

  @Test
  void readsNoWordsInTexMarkup() {
    var ids = new TermIds();
    // Real abstracts: "$\sim$5 h" (synthetic_data 2026_04 trended on "sim"), "\textbf{Delta Prover}", "2.3$\times$".
    assertThat(terms(ids, "\\textbf{Delta Prover}: agents",
        "Runs in $\\sim$5 h, a 2.3$\\times$ speedup \\cite{yin2025spatial}; see \\href{https://x.org}{our code}."))
        .containsExactlyInAnyOrder("delta", "prover", "agents", "delta prover", "runs", "speedup", "see", "code")
        .doesNotContain("textbf", "sim", "times", "cite", "yin2025spatial", "href", "https", "org", "textbf delta");
    // The word before the markup is not next to the one after it, as across punctuation.
    assertThat(terms(ids, null, "we introduce \\textbf{Delta Prover} and graph networks"))
        .doesNotContain("introduce delta", "introduce textbf").contains("introduce", "delta prover", "graph networks");
  }
}
