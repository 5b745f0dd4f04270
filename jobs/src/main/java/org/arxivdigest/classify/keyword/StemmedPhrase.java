package org.arxivdigest.classify.keyword;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A phrase of a topic matched as arXiv's search matches it: title or abstract and phrase analyzed by Lucene's
 * {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case, English stop words, Porter stemmer), so
 * "Gaussian splats", "Gaussian Splatting" and "gaussian splat" are one phrase; its words in order within one
 * sentence (or clause: not across a comma, semicolon or colon), with at most {@value #SLOP} word between them in all
 * ("Gaussian Wave Splatting", "embodiment of AI": a stop word counts as a word), never reversed.
 *
 * <p>Run in Spark by {@link PhraseMasks}: only on the texts whose lower case holds every word's {@link #prefixes} (a
 * necessary condition checked by the word masks, so most papers are never analyzed), and each text analyzed once
 * for all the phrases it may hold ({@link #findAll}).
 */
public final class StemmedPhrase implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Words allowed between a phrase's words, in all. */
  public static final int SLOP = 1;

  /** One analyzer per JVM (executor): Lucene reuses its token streams per thread. */
  private static final class Holder {
    static final Analyzer ENGLISH = new EnglishAnalyzer();
  }

  /** A token of an analyzed text: its stem and position (stop words removed leave their positions). */
  record Token(String stem, int position) {}

  private final String phrase;
  private final String[] stems;

  public StemmedPhrase(String phrase) {
    this.phrase = phrase;
    this.stems = tokens(phrase).stream().map(Token::stem).toArray(String[]::new);
  }

  /** The phrase's stems, e.g. [gaussian, splat]; empty when every word is a stop word. */
  public List<String> stems() {
    return List.of(stems);
  }

  /**
   * Lower-case substrings every text that matches holds: each stem, less its last letter when that is an "i" or
   * an "l". The Porter stemmer cuts a word's ending and replaces only these letters: "y" becomes "i" ("embody" and
   * "embodied" are "embodi", both hold "embod"), "-bility" becomes "bl" ("possibility" is "possibl", which holds
   * "possib"); any other stem is the start of the word it came from ("splatting", "splats" hold "splat").
   */
  public List<String> prefixes() {
    var out = new ArrayList<String>();
    for (String s : stems) {
      boolean replaced = s.length() > 3 && (s.endsWith("i") || s.endsWith("l"));
      out.add(replaced ? s.substring(0, s.length() - 1) : s);
    }
    return out;
  }

  static List<Token> tokens(String text) {
    var out = new ArrayList<Token>();
    try (TokenStream ts = Holder.ENGLISH.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        position += increment.getPositionIncrement();
        out.add(new Token(term.toString(), position));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analyzing text for \"" + text + "\"", e);
    }
    return out;
  }

  /**
   * Which of {@code phrases} occur in {@code text}, as bits (bit i: phrases[i]), looking only for those whose bit
   * is set in {@code candidates}: the text is split into sentences and each sentence analyzed once for all of
   * them, and only until every candidate is found. A phrase of only stop words (no stems) is never found.
   */
  static long findAll(String text, StemmedPhrase[] phrases, long candidates) {
    long wanted = candidates;
    for (int i = 0; i < phrases.length; i++) {
      if (phrases[i].stems.length == 0) {
        wanted &= ~(1L << i);
      }
    }
    if (text == null || wanted == 0) {
      return 0;
    }
    long found = 0;
    int start = 0;
    while (start <= text.length() && found != wanted) {
      int[] end = sentenceEnd(text, start);
      List<Token> tokens = tokens(text.substring(start, end[0]));
      for (int i = 0; i < phrases.length; i++) {
        long bit = 1L << i;
        if ((wanted & bit) != 0 && (found & bit) == 0 && matches(tokens, phrases[i].stems, SLOP)) {
          found |= bit;
        }
      }
      start = end[1];
    }
    return found;
  }

  /**
   * Where the sentence (or clause) starting at {@code from} ends and the next one starts: {end, next}; {length,
   * length + 1} for the last. A sentence ends after . ! ? , ; : followed by white space (which is skipped), or
   * followed by an upper-case letter when a letter stands before it ("embodied AI.However": abstracts lose line
   * breaks). One scan with no regex: the two patterns this replaced ({@code (?<=\p{L})([.!?,;:])(?=\p{Lu})}, a space
   * put there, then a split at {@code (?<=[.!?,;:])\s+}) were half the time of the phrases' matching (issue 22).
   */
  static int[] sentenceEnd(String text, int from) {
    int n = text.length();
    for (int i = from; i < n; i++) {
      char c = text.charAt(i);
      if (!isClauseEnd(c) || i + 1 >= n) {
        continue;
      }
      char next = text.charAt(i + 1);
      if (isSpace(next)) {
        int j = i + 1;
        while (j < n && isSpace(text.charAt(j))) {
          j++;
        }
        return new int[] {i + 1, j};
      }
      int after = text.codePointAt(i + 1);
      if (i > 0 && Character.isLetter(text.codePointBefore(i))
          && Character.getType(after) == Character.UPPERCASE_LETTER) {
        return new int[] {i + 1, i + 1};
      }
    }
    return new int[] {n, n + 1};
  }

  private static boolean isClauseEnd(char c) {
    return c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':';
  }

  /** Java regex's {@code \s}: [ \t\n\x0B\f\r]. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  /** Whether the stems occur in order among the tokens with at most {@code slop} positions between them in all. */
  static boolean matches(List<Token> tokens, String[] stems, int slop) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).stem().equals(stems[0]) && rest(tokens, i, stems, 1, slop)) {
        return true;
      }
    }
    return false;
  }

  /** Whether stems[k..] follow the token at {@code at}, using at most {@code slack} more positions. */
  private static boolean rest(List<Token> tokens, int at, String[] stems, int k, int slack) {
    if (k == stems.length) {
      return true;
    }
    int from = tokens.get(at).position();
    for (int j = at + 1; j < tokens.size(); j++) {
      int gap = tokens.get(j).position() - from - 1;
      if (gap > slack) {
        return false;
      }
      if (tokens.get(j).stem().equals(stems[k]) && rest(tokens, j, stems, k + 1, slack - gap)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "StemmedPhrase(" + phrase + ")";
  }
}
