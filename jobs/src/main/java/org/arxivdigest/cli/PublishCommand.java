package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "publish", mixinStandardHelpOptions = true,
    description = "Write the digest pages (output/site/papers/<topic>/<yyyy_mm>/papers_<n>.md) and READMEs "
        + "from the listings; --from/--to republish only those months.")
public class PublishCommand implements Callable<Integer> {
  @Mixin TopicOptions topicOptions;
  @Mixin PublishOptions publish;
  @Mixin MonthRangeOptions months;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var range = months.range();
    var topics = topicOptions.load(spark);
    return CommandRun.execute("publish", spark, new CommandRun.Scope(topics, range, reuse.options()),
        ctx -> Pipeline.publish(ctx, publish.links()));
  }
}
