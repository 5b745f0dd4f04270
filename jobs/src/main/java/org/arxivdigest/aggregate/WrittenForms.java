package org.arxivdigest.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * A text's words as the trending terms read them
 * ({@link org.arxivdigest.classify.tfidf.DocumentTerms#forEachPlacedWord}: lower case, stop words left out), with
 * where each stands, so that a run of them can be given as the text writes
 * it: "HotpotQA" for "hotpotqa", "multi-hop QA" for "multi hop qa", "chain-of-thought" for "chain thought". What a
 * reader sees of a term is how its papers write it, not the scorer's key.
 *
 * <p>Only words in running text are given so: a run that starts a sentence (the text's start, or after a full stop,
 * question or exclamation mark) is capitalized as a sentence is, not as its papers name the thing. Between two
 * words, what the text has is kept when it is letters (a stop word), hyphens and white space ("-of-", " "), with any
 * hyphen written as {@code -} and white space as one space; anything else is one space: a number ("Gemini 2.5 Flash"
 * is "Gemini Flash", as the term counts every version), a slash or a bracket. So a written form is letters, digits,
 * hyphens and single spaces, nothing that is markup in Markdown or HTML.
 */
final class WrittenForms {
  /** Longest text kept between two words ("-of-the-" is 8). */
  static final int MAX_JOINER = 16;

  private final String text;
  private final List<String> words = new ArrayList<>();
  private final List<Boolean> adjacent = new ArrayList<>();
  private final List<int[]> spans = new ArrayList<>();

  /** {@code text}: the text the words are read from, or null when no written form is wanted (a title). */
  WrittenForms(String text) {
    this.text = text;
  }

  /** As a {@link org.arxivdigest.classify.tfidf.DocumentTerms.PlacedWordSink}. */
  void add(String word, boolean isAdjacent, int start, int end) {
    words.add(word);
    adjacent.add(isAdjacent);
    spans.add(new int[] {start, end});
  }

  int size() {
    return words.size();
  }

  String word(int i) {
    return words.get(i);
  }

  /** Whether word {@code i} stands right after word {@code i - 1}: they can be one phrase. */
  boolean adjacent(int i) {
    return adjacent.get(i);
  }

  /**
   * The words {@code first..last} (adjacent) as the text writes them, or null: no text, a run that starts a
   * sentence, or a word not where it was read (lower-casing changed the text's length before it).
   */
  String written(int first, int last) {
    if (text == null || startsSentence(spans.get(first)[0])) {
      return null;
    }
    var out = new StringBuilder();
    for (int i = first; i <= last; i++) {
      int[] span = spans.get(i);
      String word = words.get(i);
      if (span[1] > text.length() || !text.regionMatches(true, span[0], word, 0, word.length())) {
        return null;
      }
      if (i > first) {
        out.append(joiner(spans.get(i - 1)[1], span[0]));
      }
      out.append(text, span[0], span[1]);
    }
    return out.toString();
  }

  private boolean startsSentence(int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return true;
    }
    char c = text.charAt(i);
    return c == '.' || c == '!' || c == '?';
  }

  /** What stands between two words, as a written form keeps it. */
  private String joiner(int from, int to) {
    if (to - from > MAX_JOINER) {
      return " ";
    }
    var out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '-' || c == '\u2010' || c == '\u2011') {
        out.append('-');
      } else if (Character.isWhitespace(c) || c == '\u00A0') {
        if (out.isEmpty() || out.charAt(out.length() - 1) != ' ') {
          out.append(' ');
        }
      } else if (Character.isLetter(c)) {
        out.append(c);
      } else {
        return " ";
      }
    }
    return out.isEmpty() ? " " : out.toString();
  }
}
