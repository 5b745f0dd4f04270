package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run every stage on a dump: ingest (later issues add classify, aggregate, publish).")
public class RunCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    return CommandRun.execute("run", spark, run -> IngestCommand.ingest(run, files));
  }
}
