package org.arxivdigest.classify.tfidf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.arxivdigest.normalize.TexAccents;

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
    forEachWordWithAdjacency(text, (w, adjacent) -> word.accept(w));
  }

  /**
   * TeX markup that is not a paper's words: a control word ("\\textbf", "\\times", "\\sim", "\\emph"), and with
   * it the argument of one that points somewhere ("\\cite{key}", "\\ref{fig1}", "\\url{...}", the address of
   * "\\href{https://...}{text}", whose text stays); and a doubled backslash (a line break), which starts no control
   * word: "one\\\\two" keeps "two".
   */
  private static final Pattern TEX = Pattern.compile(
      "\\\\(?:\\\\|(?:cite[a-z]*|ref|eqref|autoref|label|url|href)\\*?\\s*\\{[^{}]*\\}|[A-Za-z]+\\*?)");

  /**
   * {@code text} with its TeX markup ({@link #TEX}) made a mark that is no word: "$\\sim$5 h" has no word "sim",
   * "\\textbf{Delta Prover}" gives "delta prover", and the word before the markup is not next to the one after
   * it, as across punctuation ("we introduce \\textbf{Delta Prover}" has no "introduce delta"). TeX's accents are
   * read as the letters they make first ({@link TexAccents}: "Fr\\'echet" is "fréchet", not "echet"). Null stays
   * null; a text without a backslash is returned as it is.
   */
  public static String withoutTex(String text) {
    return text == null || text.indexOf('\\') < 0 ? text
        : TEX.matcher(TexAccents.toUnicode(text)).replaceAll("\u00B7");
  }

  /**
   * The words of a paper as the trending terms read them: {@link #forEachWordWithAdjacency} of the text
   * {@link #withoutTex}. The model's features ({@link TextFeatures}, {@link #of}) still read TeX's control words as
   * words; they are a sliver of its vocabulary.
   */
  public static void forEachTermWord(String text, WordSink word) {
    forEachWordWithAdjacency(withoutTex(text), word);
  }

  /** A word of a text, and whether it stands right after the word given before it. */
  @FunctionalInterface
  public interface WordSink {
    void accept(String word, boolean adjacent);
  }

  /**
   * As {@link WordSink}, with where the word is: {@code start} (inclusive) and {@code end} (exclusive) in the text's
   * lower case ({@link String#toLowerCase()}), which has the text's positions unless lower-casing changed its
   * length (a few letters, such as the dotted capital I, lower-case to two chars).
   */
  @FunctionalInterface
  public interface PlacedWordSink {
    void accept(String word, boolean adjacent, int start, int end);
  }

  /**
   * As {@link #forEachWord(String, Consumer)}, saying of each word whether it stands next to the word given before
   * it: whether they can be one phrase. They can when nothing but non-space characters is between them, as in one
   * compound ("LLM-as-a-judge" pairs "llm" and "judge"), or when what is between them, cut at white space, is only
   * hyphens, and whole numbers between two spaces ("language model", "vision - language", "Gemini 2.5 Flash"). A
   * stop word, a one-letter token or punctuation with space around it breaks the pair ("experiments on ALFWorld",
   * "VLMs. Yet", "models (DLMs)", "x rewards"), as does a number that is part of a word ("scoring 0.98"). The first
   * word of the text is not adjacent.
   */
  public static void forEachWordWithAdjacency(String text, WordSink word) {
    forEachPlacedWord(text, (w, adjacent, start, end) -> word.accept(w, adjacent));
  }

  /** As {@link #forEachWordWithAdjacency}, with where each word is ({@link PlacedWordSink}). */
  public static void forEachPlacedWord(String text, PlacedWordSink word) {
    String lower = text.toLowerCase();
    int length = lower.length();
    int start = -1;
    boolean any = false; // a word was given: the first is never adjacent
    // Since the last word given: white space; a piece between spaces that breaks the pair. Of the piece being read
    // (since the last white space): it holds more than hyphens; more than hyphens and numbers.
    boolean space = false;
    boolean broken = false;
    boolean notHyphens = false;
    boolean notNumber = false;
    int i = 0;
    while (i <= length) {
      int cp = i < length ? lower.codePointAt(i) : ' ';
      if (i < length && isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else {
        if (start >= 0) {
          String token = i - start >= TextFeatures.MIN_TOKEN_LENGTH ? lower.substring(start, i) : null;
          if (token != null && !isStopWord(token)) {
            word.accept(token, any && !(space && (broken || notHyphens)), start, i);
            any = true;
            space = false;
            broken = false;
            notHyphens = false;
            notNumber = false;
          } else {
            notHyphens = true;
            notNumber |= !isNumber(lower, start, i);
          }
          start = -1;
        }
        if (cp == '\u00A0' || Character.isWhitespace(cp)) {
          // The piece right after the last word must be hyphens only; one between spaces may be a number too.
          broken |= space ? notNumber : notHyphens;
          space = true;
          notHyphens = false;
          notNumber = false;
        } else if (!isHyphen(cp)) {
          notHyphens = true;
          notNumber |= !(isNumberMark(cp) && i > 0 && i + 1 < length && isDigit(lower.charAt(i - 1))
              && isDigit(lower.charAt(i + 1)));
        }
      }
      i += i < length ? Character.charCount(cp) : 1;
    }
  }

  /**
   * Gives {@code word} each word of a text (lower-case, as {@link #forEachWord} gives it) that the text writes with
   * a capital letter where no sentence begins: "Qwen3", "GPT", "LoRA", "nuScenes" in running text; not the text's
   * first word, nor a word after a full stop, question or exclamation mark followed by white space ("Failure" in
   * "... agents. Failure modes"; a full stop after one letter is an abbreviation's: "e.g. Claude"). A word a corpus
   * mostly writes so is a name (a model, a dataset, a method's acronym), one it writes in lower case is an ordinary
   * word (the trending terms' prior uses this to tell the common nouns of a field from the names in it). TeX's
   * markup is no word ({@link #withoutTex}: "\\Delta" is not a name).
   */
  public static void forEachCapitalizedWord(String tex, Consumer<String> word) {
    String text = withoutTex(tex);
    int length = text.length();
    boolean sentenceStart = true;
    int start = -1;
    boolean capital = false;
    boolean letter = false; // the last word was one letter
    int i = 0;
    while (i <= length) {
      int cp = i < length ? text.codePointAt(i) : ' ';
      if (i < length && isWordChar(cp)) {
        if (start < 0) {
          start = i;
          capital = false;
        }
        capital |= Character.isUpperCase(cp) || Character.isTitleCase(cp);
      } else {
        if (start >= 0) {
          if (capital && !sentenceStart) {
            String token = text.substring(start, i).toLowerCase();
            if (token.length() >= TextFeatures.MIN_TOKEN_LENGTH && !isStopWord(token)) {
              word.accept(token);
            }
          }
          sentenceStart = false;
          letter = i - start == 1;
          start = -1;
        }
        // A full stop after one letter ends an abbreviation ("e.g. GPT"), not a sentence.
        boolean stop = cp == '.' ? !letter : cp == '!' || cp == '?';
        if (stop && (i + 1 >= length || Character.isWhitespace(text.charAt(i + 1)))) {
          sentenceStart = true;
        }
      }
      i += i < length ? Character.charCount(cp) : 1;
    }
  }

  /** Whether a token is one of the stop words the terms leave out. */
  private static boolean isStopWord(String token) {
    return STOP_WORDS.contains(token.toLowerCase(STOP_LOCALE));
  }

  private static boolean isHyphen(int cp) {
    return cp == '-' || cp == '\u2010' || cp == '\u2011';
  }

  private static boolean isNumberMark(int cp) {
    return cp == '.' || cp == ',';
  }

  /** ASCII digits only: a number in a model's name ("2.5"). */
  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNumber(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
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
