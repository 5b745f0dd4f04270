package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.ingest.IngestStage;
import java.util.List;
import org.arxivdigest.ingest.InputFiles.InputFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read a Kaggle arXiv metadata dump into the papers, versions and quarantine datasets.")
public class IngestCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    return CommandRun.execute("ingest", spark, run -> ingest(run, files));
  }

  static void ingest(CommandRun run, List<InputFile> files) {
    IngestStage.run(run.spark(), files, run.out(), run.runId(), run.summary());
  }
}
