package org.arxivdigest.cli;

import org.arxivdigest.run.RunOptions;
import picocli.CommandLine.Option;

/** {@code --recompute}: the commands that run whole-dump stages skip those whose inputs did not change. */
public class ReuseOptions {
  @Option(names = "--recompute",
      description = "Run every stage even when its inputs (input files, upstream datasets, topics, models, this "
          + "build) did not change since it wrote its datasets. Without it such a stage is skipped and listed in "
          + "the summary under skipped_stages.")
  boolean recompute;

  RunOptions options() {
    return new RunOptions(!recompute);
  }
}
