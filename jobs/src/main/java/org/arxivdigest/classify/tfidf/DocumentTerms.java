package org.arxivdigest.classify.tfidf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.StopWordsRemover;

/**
 * The distinct terms {@link TextFeatures#termStages()} give a paper's title and abstract, in plain Java, for the
 * scans that count terms per paper (trending terms and their IDF) and never build a feature vector. Through the
 * stages every term crosses between Spark's arrays and Scala sequences three times, and the 2-grams a fourth;
 * here a text is split once and its terms go straight into a set (trending terms at 1 M papers: 30 to 17 s, the
 * same rows). {@code DocumentTermsTest} holds the two to the same terms on the real sample records.
 */
public final class DocumentTerms {
  private DocumentTerms() {}

  private static final Pattern GAPS = Pattern.compile(TextFeatures.TOKEN_GAPS);
  /** As {@link StopWordsRemover} compares: both sides lower-cased in its locale. */
  private static final Locale STOP_LOCALE;
  private static final Set<String> STOP_WORDS = new HashSet<>();

  static {
    var remover = new StopWordsRemover();
    STOP_LOCALE = new Locale(remover.getLocale());
    for (String word : remover.getStopWords()) {
      STOP_WORDS.add(word.toLowerCase(STOP_LOCALE));
    }
  }

  /**
   * The title and abstract's words (lower-case, at least {@link TextFeatures#MIN_TOKEN_LENGTH} long, not a stop
   * word) and their 2-grams, each once. Either may be null.
   */
  public static Set<String> of(String title, String abstractText) {
    List<String> words = words((title == null ? "" : title) + " " + (abstractText == null ? "" : abstractText));
    var terms = new HashSet<String>(words.size() * 4);
    terms.addAll(words);
    for (int i = 0; i + 1 < words.size(); i++) {
      terms.add(words.get(i) + " " + words.get(i + 1));
    }
    return terms;
  }

  /** A text's words in order: lower-case, at least {@link TextFeatures#MIN_TOKEN_LENGTH} long, not a stop word. */
  public static List<String> words(String text) {
    // As RegexTokenizer: the default locale's lower case, then split at the gaps.
    String[] tokens = GAPS.split(text.toLowerCase());
    var words = new ArrayList<String>(tokens.length);
    for (String token : tokens) {
      if (token.length() >= TextFeatures.MIN_TOKEN_LENGTH
          && !STOP_WORDS.contains(token.toLowerCase(STOP_LOCALE))) {
        words.add(token);
      }
    }
    return words;
  }
}
