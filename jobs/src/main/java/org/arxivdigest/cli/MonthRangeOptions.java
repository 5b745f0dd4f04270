package org.arxivdigest.cli;

import org.arxivdigest.core.MonthRange;
import picocli.CommandLine.Option;

/** Which months a backfill rewrites. */
public class MonthRangeOptions {
  @Option(names = "--from", paramLabel = "YYYY-MM",
      description = "Backfill: rewrite only months from this one on (other months stay as they are).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM", description = "Backfill: rewrite only months up to this one.")
  String to;

  MonthRange range() {
    return MonthRange.parse(from, to);
  }
}
