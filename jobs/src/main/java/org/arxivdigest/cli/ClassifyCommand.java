package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.core.MonthRange;
import org.arxivdigest.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "classify", mixinStandardHelpOptions = true,
    description = "Assign the ingested papers to the topics of the config (keyword rule, and the TF-IDF models "
        + "when trained) and build the listings of the pages.")
public class ClassifyCommand implements Callable<Integer> {
  @Mixin TopicOptions topicOptions;
  @Mixin ModelOptions models;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var topics = topicOptions.load(spark);
    return CommandRun.execute("classify", spark, new CommandRun.Scope(topics, MonthRange.ALL, reuse.options()),
        ctx -> Pipeline.classify(ctx, models.store(ctx)));
  }
}
