package org.arxivdigest.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.arxivdigest.aggregate.AggregateStage;
import org.arxivdigest.classify.ClassifyStage;
import org.arxivdigest.ingest.IngestStage;
import org.arxivdigest.extract.ExtractStage;
import org.arxivdigest.publish.MonthRange;
import org.arxivdigest.publish.PublishStage;
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

  @Override
  public Integer call() {
    var files = input.resolve(spark);
    var range = months.range();
    if (incremental && !range.isAll()) {
      throw new UsageException("--incremental finds the months to rewrite itself: use it without --from/--to");
    }
    var topics = topicOptions.load(spark);
    return CommandRun.execute("run", spark, run -> {
      reuse.apply(run);
      IngestStage.run(files, run.out(), run.runId(), run.stages());
      var listingsChanged = ClassifyStage.run(run.spark(), run.out(), topics, models.store(run), incremental,
          run.stages());
      AggregateStage.Touched touched = null;
      if (listingsChanged != null) {
        touched = AggregateStage.runIncremental(run.spark(), run.out(), topics, range, listingsChanged,
            run.stages());
      } else {
        AggregateStage.run(run.spark(), run.out(), topics, range, run.stages());
      }
      PublishStage.run(run.spark(), run.out(), topics, publish.links(), range,
          touched == null ? null : listingsChanged, run.runId(), run.stages());
      ExtractStage.run(run.spark(), run.out(), topics, run.runId(), run.stages());
      if (incremental) {
        var details = new LinkedHashMap<String, Object>();
        details.put("mode", touched == null ? "full: the output had no manifests to compare with" : "incremental");
        if (touched != null) {
          run.summary().put("months_touched", List.copyOf(touched.months()));
          details.put("listings_changed", List.copyOf(listingsChanged));
          details.put("trending_months_recomputed", List.copyOf(touched.trendingMonths()));
        }
        run.summary().put("incremental", details);
      }
    });
  }
}
