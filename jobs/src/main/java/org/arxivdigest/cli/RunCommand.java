package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.aggregate.AggregateStage;
import org.arxivdigest.classify.ClassifyStage;
import org.arxivdigest.ingest.IngestStage;
import org.arxivdigest.extract.ExtractStage;
import org.arxivdigest.publish.PublishStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Every stage on a dump: ingest, classify, aggregate, publish. Never trains: see train.")
public class RunCommand implements Callable<Integer> {
  @Mixin InputOptions input;
  @Mixin TopicOptions topicOptions;
  @Mixin PublishOptions publish;
  @Mixin MonthRangeOptions months;
  @Mixin ModelOptions models;
  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    var range = months.range();
    var topics = topicOptions.load(spark);
    return CommandRun.execute("run", spark, run -> {
      IngestStage.run(files, run.out(), run.runId(), run.stages());
      ClassifyStage.run(run.spark(), run.out(), topics, models.store(run), run.stages());
      AggregateStage.run(run.spark(), run.out(), topics, range, run.stages());
      PublishStage.run(run.spark(), run.out(), topics, publish.links(), range, run.runId(), run.stages());
      ExtractStage.run(run.spark(), run.out(), topics, run.runId(), run.stages());
    });
  }
}
