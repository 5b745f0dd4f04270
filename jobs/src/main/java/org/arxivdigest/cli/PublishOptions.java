package org.arxivdigest.cli;

import org.arxivdigest.publish.MonthRange;
import org.arxivdigest.publish.SiteLinks;
import picocli.CommandLine.Option;

/** How and which months the pages are published. */
public class PublishOptions {
  @Option(names = "--site-url", paramLabel = "URL",
      description = "Base URL of the published site, for the Home / Papers / topic links of each page "
          + "(e.g. https://user.github.io/digest). Default: links relative to each page.")
  String siteUrl;

  @Option(names = "--from", paramLabel = "YYYY-MM",
      description = "Backfill: republish only months from this one on (pages of other months stay as they are).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Backfill: republish only months up to this one.")
  String to;

  MonthRange range() {
    return MonthRange.parse(from, to);
  }

  SiteLinks links() {
    return new SiteLinks(siteUrl);
  }
}
