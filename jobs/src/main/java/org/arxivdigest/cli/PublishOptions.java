package org.arxivdigest.cli;

import org.arxivdigest.publish.SiteLinks;
import picocli.CommandLine.Option;

/** Where the published site lives. */
public class PublishOptions {
  @Option(names = "--site-url", paramLabel = "URL",
      description = "Base URL of the published site, for the Home / Papers / topic links of each page "
          + "(e.g. https://user.github.io/digest). Default: links relative to each page.")
  String siteUrl;

  SiteLinks links() {
    return new SiteLinks(siteUrl);
  }
}
