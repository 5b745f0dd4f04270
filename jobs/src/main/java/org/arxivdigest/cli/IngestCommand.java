package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read the inputs (Kaggle dump, OAI-PMH pages, arXiv API Atom feeds) into the papers, versions, "
        + "quarantine and deleted datasets.")
public class IngestCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    return CommandRun.execute("ingest", spark,
        new CommandRun.Scope(java.util.List.of(), MonthRange.ALL, reuse.options()), ctx -> Pipeline.ingest(ctx, files));
  }
}
