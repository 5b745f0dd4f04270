package org.arxivdigest.classify.keyword;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.spark.sql.api.java.UDF1;

/**
 * A phrase of a topic matched as arXiv's search matches it: title or abstract and phrase analyzed by Lucene's
 * {@link EnglishAnalyzer} (standard tokenizer, possessives, lower case, English stop words, Porter stemmer), so
 * "Gaussian splats", "Gaussian Splatting" and "gaussian splat" are one phrase; its words in order within one
 * sentence (or clause: not across a comma, semicolon or colon), with at most {@value #SLOP} word between them in all
 * ("Gaussian Wave Splatting", "embodiment of AI": a stop word counts as a word), never reversed.
 *
 * <p>A Spark UDF, run only on the texts whose lower case holds every word's {@link #prefixes} (a necessary
 * condition checked by the word masks, so most papers are never analyzed).
 */
public final class StemmedPhrase implements UDF1<String, Boolean>, Serializable {
  private static final long serialVersionUID = 1L;

  /** Words allowed between a phrase's words, in all. */
  public static final int SLOP = 1;

  /**
   * Where a sentence or clause ends: . ! ? , ; : followed by white space ("surgical embodiment, where AI systems"
   * is not "embodied AI").
   */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?,;:])\\s+");
  /**
   * A sentence end with no space after it ("diffusion models.Despite", "embodied AI.However": abstracts lose
   * line breaks): the tokenizer would read one word across it, so a space is put there first.
   */
  private static final Pattern RUN_ON = Pattern.compile("(?<=\\p{L})([.!?,;:])(?=\\p{Lu})");

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

  @Override
  public Boolean call(String text) {
    if (text == null || stems.length == 0) {
      return false;
    }
    for (String sentence : SENTENCE_END.split(RUN_ON.matcher(text).replaceAll("$1 "))) {
      if (matches(tokens(sentence), stems, SLOP)) {
        return true;
      }
    }
    return false;
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
