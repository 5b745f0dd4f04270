package org.arxivdigest.publish;

import java.io.Serializable;

/**
 * Where the Home / Papers / topic links of a page point: under {@code --site-url} when given, else relative to
 * the page, so that the site works from any folder or repository it is copied to.
 */
public record SiteLinks(String siteUrl) implements Serializable {

  public SiteLinks {
    if (siteUrl != null) {
      siteUrl = siteUrl.strip();
      while (siteUrl.endsWith("/")) {
        siteUrl = siteUrl.substring(0, siteUrl.length() - 1);
      }
      if (siteUrl.isEmpty()) {
        siteUrl = null;
      }
    }
  }

  /** The site root as seen from a file {@code depth} folders below it (a month page is at depth 3). */
  public String root(int depth) {
    if (siteUrl != null) {
      return siteUrl;
    }
    return relativeRoot(depth);
  }

  /** The site root relative to a file {@code depth} folders below it, whatever the site URL (the HTML site). */
  public static String relativeRoot(int depth) {
    return depth == 0 ? "." : "..".concat("/..".repeat(depth - 1));
  }

  public static final int MONTH_PAGE_DEPTH = 3;
  public static final int TOPIC_README_DEPTH = 2;
}
