package org.arxivdigest.classify.tfidf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
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
    var words = new ArrayList<String>();
    forEachWord(text, words::add);
    return words;
  }

  /**
   * Gives {@code word} each of a text's words in order, as {@link #words} lists them. As RegexTokenizer with
   * {@link TextFeatures#TOKEN_GAPS}: the default locale's lower case, then the runs of letters and digits (Unicode
   * categories L and N, by code point) between the gaps. Scanned by hand: the regex split was a third of the
   * time of counting a paper's terms ({@code DocumentTermsTest} holds the two to the same words).
   */
  public static void forEachWord(String text, Consumer<String> word) {
    String lower = text.toLowerCase();
    int length = lower.length();
    int start = -1;
    int i = 0;
    while (i <= length) {
      int cp = i < length ? lower.codePointAt(i) : ' ';
      if (i < length && isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        if (i - start >= TextFeatures.MIN_TOKEN_LENGTH) {
          String token = lower.substring(start, i);
          if (!STOP_WORDS.contains(token.toLowerCase(STOP_LOCALE))) {
            word.accept(token);
          }
        }
        start = -1;
      }
      i += i < length ? Character.charCount(cp) : 1;
    }
  }

  /** Whether a code point is in {@code \p{L}} or {@code \p{N}}: not a gap. */
  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || cp >= 'A' && cp <= 'Z';
    }
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
