package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.ingest.IngestStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read a Kaggle arXiv metadata dump into the papers, versions and quarantine datasets.")
public class IngestCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    return CommandRun.execute("ingest", spark, run -> IngestStage.run(files, run.out(), run.runId(),
        reuse.apply(run).stages()));
  }
}
