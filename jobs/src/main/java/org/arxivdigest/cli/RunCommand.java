package org.arxivdigest.cli;

import org.arxivdigest.core.UsageException;
import java.util.concurrent.Callable;
import org.arxivdigest.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Every stage on a dump: ingest, classify, aggregate, publish. Never trains: see train.")
public class RunCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin TopicOptions topicOptions;
  @Mixin PublishOptions publish;
  @Mixin MonthRangeOptions months;
  @Mixin ModelOptions models;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Option(names = "--incremental",
      description = "For a newer dump of the same output: rewrite only the months whose listings or monthly counts "
          + "changed (dataset partitions, aggregates, pages; trending terms also for the 12 months after each) and "
          + "list them in the summary as months_touched. Falls back to a full run when the output has no "
          + "manifests to compare with.")
  boolean incremental;

  @Option(names = "--merge",
      description = "For a day's or a week's records (harvested pages, a few files): merge them into the papers the "
          + "output holds, by the same winner rule as a full run, and rewrite only what changed, as --incremental "
          + "does. The output must be of this program's format (else a full run is needed, exit 2).")
  boolean merge;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    var range = months.range();
    if (incremental && merge) {
      throw new UsageException("--merge and --incremental do not combine: --merge adds records to the output, "
          + "--incremental reads a whole newer dump");
    }
    if ((incremental || merge) && !range.isAll()) {
      throw new UsageException((merge ? "--merge" : "--incremental")
          + " finds the months to rewrite itself: use it without --from/--to");
    }
    Pipeline.Mode mode = merge ? Pipeline.Mode.MERGE : incremental ? Pipeline.Mode.INCREMENTAL : Pipeline.Mode.FULL;
    var topics = topicOptions.load(spark);
    return CommandRun.execute("run", spark, new CommandRun.Scope(topics, range, reuse.options()),
        ctx -> Pipeline.run(ctx, files, models.store(ctx), publish.links(), mode));
  }
}
