package org.arxivdigest.aggregate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Which words can head a noun phrase and which can modify one, by how often a part-of-speech tagger tagged them so
 * in a corpus of arXiv abstracts ({@code data/reference/word_classes.tsv}, made by
 * {@code data/reference/MakeWordClasses.java} with Apache OpenNLP's English tagger; see that folder's MANIFEST.md).
 * On the classpath as {@value #RESOURCE}.
 *
 * <p>A trending term is meant to name something (a method, model, dataset, task or object), and such names are
 * noun phrases. Keyphrase extraction has long kept its candidates to the noun-phrase pattern "adjectives or nouns,
 * then a noun" (Hulth 2003; Wan and Xiao 2008): {@link #isNounPhrase} keeps a term whose last word is tagged a
 * noun or number in at least half of its occurrences and whose other word a noun, adjective or number as often.
 * So adverbs ("reliably"), verbs ("steers", "jointly optimizes"), adjectives alone ("learnable", "misleading")
 * and fragments ("across timesteps", "splatting via") do not trend. A word the table does not have (tagged fewer
 * than 5 times, as new model and dataset names: "wan2", "musique") counts as a noun. The tags are of the word in
 * all its uses, not of the term's own occurrences: tagging text at run time would cost about 2 s a thousand papers
 * on one core.
 *
 * <p>Public for {@code data/reference/term-names/MakeTermCandidates.java}, which lists the terms that can trend.
 */
public final class WordClasses {
  static final String RESOURCE = "/reference/word_classes.tsv";
  /** The least share of a word's tags that makes it a head (nouns, numbers) or a modifier (also adjectives). */
  static final double MAJORITY = 0.5;

  private static final WordClasses INSTANCE = load();

  /** Words tagged a noun or number in less than half of their occurrences. */
  private final Set<String> notHeads;
  /** Words tagged a noun, adjective or number in less than half of their occurrences. */
  private final Set<String> notModifiers;

  private WordClasses(Set<String> notHeads, Set<String> notModifiers) {
    this.notHeads = Set.copyOf(notHeads);
    this.notModifiers = Set.copyOf(notModifiers);
  }

  /** The table of the jar, read once. */
  public static WordClasses get() {
    return INSTANCE;
  }

  private static WordClasses load() {
    var heads = new HashSet<String>();
    var modifiers = new HashSet<String>();
    try (InputStream in = WordClasses.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + RESOURCE);
      }
      var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = lines.readLine();
      if (!"word\ttagged\tnoun\tadj\tnum\tverb\tadv\tother".equals(header)) {
        throw new IllegalStateException(RESOURCE + " has an unexpected header: " + header);
      }
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] f = line.split("\t");
        double tagged = Long.parseLong(f[1]);
        long noun = Long.parseLong(f[2]);
        long adj = Long.parseLong(f[3]);
        long num = Long.parseLong(f[4]);
        if (noun + num < MAJORITY * tagged) {
          heads.add(f[0]);
        }
        if (noun + adj + num < MAJORITY * tagged) {
          modifiers.add(f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new WordClasses(heads, modifiers);
  }

  /** Whether {@code word} can end a noun phrase. */
  boolean isHead(String word) {
    return !notHeads.contains(word);
  }

  /** Whether {@code word} can come before the head of a noun phrase. */
  boolean isModifier(String word) {
    return !notModifiers.contains(word);
  }

  /**
   * Whether a term (a word, or two joined by a space) is shaped like a noun phrase: its last word a head, its
   * first a modifier when it has two. Checked where the candidates are counted ({@link TermCounts}), before a
   * row is made for them.
   */
  public boolean isNounPhrase(String term) {
    int space = term.indexOf(' ');
    return space < 0 ? isHead(term) : isModifier(term.substring(0, space)) && isHead(term.substring(space + 1));
  }
}
