package org.arxivdigest.aggregate;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arxivdigest.classify.tfidf.DocumentTerms;

/**
 * The distinct terms of papers as numbers, for counting them over many papers (trending terms and their prior): the
 * words of {@link DocumentTerms#of} but TeX's markup ({@link DocumentTerms#withoutTex}: no "textbf", no "sim" of
 * "$\\sim$") and the 2-grams of two words that stand next to each other in the title or in the abstract
 * ({@link DocumentTerms#forEachTermWord}: not across a stop word,
 * punctuation or from the title into the abstract, so "experiments on ALFWorld" gives no "experiments alfworld";
 * a subset of the model's 2-grams). A word is numbered the first time it is read, a term is a {@code long} (a
 * word's number in the high half, the next word's in the low half, all ones there for a word alone). No string is
 * made for a 2-gram, and counts go into primitive maps keyed by the numbers; {@link #term} makes the text back for
 * the few terms that are kept. Exact (numbers, not hashes): {@code TermIdsTest} holds it to a plain-set version on
 * the real sample records. One per task: not thread-safe, numbers mean nothing outside it.
 */
final class TermIds {
  private static final long NO_WORD = 0xFFFF_FFFFL;

  private final ObjectIntHashMap<String> numbers = new ObjectIntHashMap<>();
  private final List<String> words = new ArrayList<>();
  private int[] paper = new int[256];
  /** Whether the paper's word at the same index stands right after the one before it (a 2-gram). */
  private boolean[] adjacent = new boolean[256];
  private int paperWords;
  private long[] terms = new long[512];

  /**
   * Reads a paper's title and abstract (either may be null): its distinct terms are then the first {@code n}
   * (the value returned) of {@link #terms()}, sorted, until the next call.
   */
  int of(String title, String abstractText) {
    paperWords = 0;
    if (title != null) {
      DocumentTerms.forEachTermWord(title, this::add);
    }
    if (abstractText != null) { // its first word is not adjacent: no 2-gram from the title's last word into it
      DocumentTerms.forEachTermWord(abstractText, this::add);
    }
    if (terms.length < 2 * paperWords) {
      terms = new long[4 * paperWords];
    }
    int n = 0;
    for (int i = 0; i < paperWords; i++) {
      long high = (long) paper[i] << 32;
      terms[n++] = high | NO_WORD;
      if (i + 1 < paperWords && adjacent[i + 1]) {
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

  private void add(String word, boolean next) {
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
      adjacent = Arrays.copyOf(adjacent, 2 * paperWords);
    }
    adjacent[paperWords] = next;
    paper[paperWords++] = number;
  }
}
