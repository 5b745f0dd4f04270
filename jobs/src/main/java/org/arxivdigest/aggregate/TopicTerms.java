package org.arxivdigest.aggregate;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.config.Topic;

/**
 * The terms a topic cannot trend on: its own keywords, which every paper of a keyword topic has. A one-word keyword
 * ({@code llm}) leaves out every term with that word or its plural ({@code llms}, {@code llm agents}); a phrase
 * ({@code diffusion model}) leaves out its words and 2-grams as terms of their own, plural included
 * ({@code diffusion}, {@code diffusion models}), and keeps the phrases that say more ({@code video diffusion}).
 * Words as {@link DocumentTerms#words} gives them, so stop words inside a phrase are skipped as the terms skip them.
 *
 * @param words terms containing one of these words are left out
 * @param terms these terms are left out
 * @param keywords the keywords themselves, as words joined by a space, and with their last word plural
 */
record TopicTerms(Set<String> words, Set<String> terms, Set<String> keywords) implements Serializable {

  /** A topic without keywords. */
  static final TopicTerms NONE = new TopicTerms(Set.of(), Set.of(), Set.of());

  TopicTerms {
    words = Set.copyOf(words);
    terms = Set.copyOf(terms);
    keywords = Set.copyOf(keywords);
  }

  /** The terms {@code topic}'s {@code include} keywords leave out. */
  static TopicTerms of(Topic topic) {
    return of(topic.include());
  }

  static TopicTerms of(List<String> keywords) {
    var words = new HashSet<String>();
    var terms = new HashSet<String>();
    var phrases = new HashSet<String>();
    for (String keyword : keywords) {
      List<String> w = DocumentTerms.words(keyword);
      if (w.isEmpty()) {
        continue;
      }
      String phrase = String.join(" ", w);
      phrases.add(phrase);
      phrases.add(phrase.substring(0, phrase.lastIndexOf(' ') + 1) + plural(w.get(w.size() - 1)));
      if (w.size() == 1) {
        words.add(w.get(0));
        words.add(plural(w.get(0)));
        continue;
      }
      for (int i = 0; i < w.size(); i++) {
        terms.add(w.get(i));
        terms.add(plural(w.get(i)));
        if (i + 1 < w.size()) {
          terms.add(w.get(i) + " " + w.get(i + 1));
          terms.add(w.get(i) + " " + plural(w.get(i + 1)));
        }
      }
    }
    return new TopicTerms(words, terms, phrases);
  }

  private static String plural(String word) {
    return word.endsWith("s") ? word : word + "s";
  }

  /** Whether {@code phrase} (words joined by a space) is one of the keywords, or one with its last word plural. */
  boolean isKeyword(String phrase) {
    return keywords.contains(phrase);
  }

  /**
   * Whether {@code term} (words joined by a space: a word, a 2-gram, or the longer phrase a term is shown as) is
   * left out.
   */
  boolean excludes(String term) {
    if (terms.contains(term)) {
      return true;
    }
    if (words.isEmpty()) {
      return false;
    }
    int start = 0;
    for (int space = term.indexOf(' '); space >= 0; space = term.indexOf(' ', start)) {
      if (words.contains(term.substring(start, space))) {
        return true;
      }
      start = space + 1;
    }
    return words.contains(term.substring(start));
  }
}
