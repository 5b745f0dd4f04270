package org.arxivdigest.config;

import java.util.List;

/**
 * One topic of {@code data/topics.json}: which papers belong to it and how its pages look.
 *
 * @param slug folder and URL name, {@code [a-z0-9_]+}
 * @param name display name
 * @param include words and phrases; a paper needs one of them (or one of {@code includeRegex})
 * @param exclude words and phrases that remove a paper
 * @param includeRegex regular expressions matched case-insensitively in the title or the abstract
 * @param excludeRegex likewise, removing a paper
 * @param categories allowed archives ({@code cs}) or categories ({@code cs.CL}); a paper needs one of them
 * @param listing which versions of a matching paper its pages list
 * @param format the page format
 * @param method which assignments the pages list: keyword rule, TF-IDF model, or either
 * @param threshold the model score from which a paper is in the topic ({@code tfidf}, {@code combined})
 * @param related words and phrases close to the topic: papers that mention them without meeting the rule are
 *     neither positives nor negatives when the topic's model is trained
 * @param why whether each page entry says why it is listed (the keyword and where it matched, the model score);
 *     by default only for {@code tfidf} and {@code combined} topics, where the reason differs between entries
 * @param authors whether the markdown pages show each entry's authors (the HTML pages always do); off by default,
 *     so that the markdown keeps the exact format of the sites' pages
 * @param trainPositive words and phrases that make a paper a positive example for the topic's model when they occur
 *     in its title and in its abstract, as the rule's matches are (never a listing by themselves): for papers the
 *     topic is about that the rule's own words miss, e.g. multimodal LLMs for {@code llm}
 */
public record Topic(String slug, String name, List<String> include, List<String> exclude,
                    List<String> includeRegex, List<String> excludeRegex, List<String> categories,
                    Listing listing, Format format, Method method, double threshold, List<String> related,
                    boolean why, boolean authors, List<String> trainPositive) {

  public static final double DEFAULT_THRESHOLD = 0.5;

  /** This topic listing by {@code other} instead of its own method, everything else as configured. */
  public Topic withMethod(Method other) {
    return new Topic(slug, name, include, exclude, includeRegex, excludeRegex, categories, listing, format, other,
        threshold, related, why, authors, trainPositive);
  }

  /** How papers are chosen for the topic's pages. */
  public enum Method {
    /** The keyword rule (the sites' behaviour). */
    KEYWORD,
    /** The topic's TF-IDF model: score at or above the threshold. */
    TFIDF,
    /** Keyword rule OR model score at or above the threshold. */
    COMBINED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Which rows a matching paper gives. */
  public enum Listing {
    /** Every version, in the month it was submitted (the sites' behaviour). */
    VERSIONS,
    /** One row, in the month of its newest version. */
    LATEST,
    /** One row, in the month of v1. */
    NEW
  }

  /** The two page formats of the sites we replace. */
  public enum Format {
    /** Markdown table, as arXivRadar (seed 000). */
    TABLE,
    /** HTML cards in markdown, as arxcompass (seed 004). */
    CARDS
  }
}
