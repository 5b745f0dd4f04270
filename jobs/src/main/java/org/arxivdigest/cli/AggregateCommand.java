package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "aggregate", mixinStandardHelpOptions = true,
    description = "Monthly aggregates for analysts (datasets/monthly_topic_stats, monthly_category_stats, "
        + "trending_terms, partitioned by month) from the classified papers; --from/--to rewrite only those months.")
public class AggregateCommand implements Callable<Integer> {
  @Mixin TopicOptions topicOptions;
  @Mixin MonthRangeOptions months;
  @Mixin ReuseOptions reuse;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var range = months.range();
    var topics = topicOptions.load(spark);
    return CommandRun.execute("aggregate", spark, new CommandRun.Scope(topics, range, reuse.options()),
        Pipeline::aggregate);
  }
}
