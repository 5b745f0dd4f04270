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
 */
public record Topic(String slug, String name, List<String> include, List<String> exclude,
                    List<String> includeRegex, List<String> excludeRegex, List<String> categories,
                    Listing listing, Format format) {

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
