package org.arxivdigest.aggregate;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arxivdigest.classify.tfidf.DocumentTerms;

/**
 * The distinct terms of papers ({@link DocumentTerms#of}: words and 2-grams of title and abstract) as numbers, for
 * counting them over many papers: a word is numbered the first time it is read, a term is a {@code long} (a word's
 * number in the high half, the next word's in the low half, all ones there for a word alone). No string is made
 * for a 2-gram, and counts go into primitive maps keyed by the numbers; {@link #term} makes the text back for the
 * few terms that are kept. Exact (numbers, not hashes): {@code TermIdsTest} holds it to {@link DocumentTerms#of}
 * on the real sample records. One per task: not thread-safe, numbers mean nothing outside it.
 */
final class TermIds {
  private static final long NO_WORD = 0xFFFF_FFFFL;

  private final ObjectIntHashMap<String> numbers = new ObjectIntHashMap<>();
  private final List<String> words = new ArrayList<>();
  private int[] paper = new int[256];
  private int paperWords;
  private long[] terms = new long[512];

  /**
   * Reads a paper's title and abstract (either may be null): its distinct terms are then the first {@code n}
   * (the value returned) of {@link #terms()}, sorted, until the next call.
   */
  int of(String title, String abstractText) {
    paperWords = 0;
    DocumentTerms.forEachWord((title == null ? "" : title) + " " + (abstractText == null ? "" : abstractText),
        this::add);
    if (terms.length < 2 * paperWords) {
      terms = new long[4 * paperWords];
    }
    int n = 0;
    for (int i = 0; i < paperWords; i++) {
      long high = (long) paper[i] << 32;
      terms[n++] = high | NO_WORD;
      if (i + 1 < paperWords) {
        terms[n++] = high | paper[i + 1];
      }
    }
    Arrays.sort(terms, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || terms[distinct - 1] != terms[i]) {
        terms[distinct++] = terms[i];
      }
    }
    return distinct;
  }

  /** Reads a paper ({@link #of}) and adds 1 to the count of each of its terms; returns how many it has. */
  int count(String title, String abstractText, LongIntHashMap counts) {
    int n = of(title, abstractText);
    for (int i = 0; i < n; i++) {
      counts.addTo(terms[i], 1);
    }
    return n;
  }

  /** The last paper's terms, see {@link #of}. */
  long[] terms() {
    return terms;
  }

  /** A term's text: a word, or two words joined by a space. */
  String term(long term) {
    String first = words.get((int) (term >>> 32));
    long second = term & NO_WORD;
    return second == NO_WORD ? first : first + " " + words.get((int) second);
  }

  private void add(String word) {
    int slot = numbers.indexOf(word);
    int number;
    if (numbers.indexExists(slot)) {
      number = numbers.indexGet(slot);
    } else {
      number = words.size();
      words.add(word);
      numbers.indexInsert(slot, word, number);
    }
    if (paperWords == paper.length) {
      paper = Arrays.copyOf(paper, 2 * paperWords);
    }
    paper[paperWords++] = number;
  }
}
