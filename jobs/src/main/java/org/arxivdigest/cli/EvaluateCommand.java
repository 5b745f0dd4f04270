package org.arxivdigest.cli;

import java.util.concurrent.Callable;
import org.arxivdigest.classify.tfidf.EvaluateStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
    description = "Measure keyword, tfidf and combined against the human labels of each topic "
        + "(<labels>/<slug>.csv), and the category and archive models on the test split; writes "
        + "<output>/reports/evaluation.md and .json.")
public class EvaluateCommand implements Callable<Integer> {
  @Mixin TopicOptions topicOptions;
  @Mixin ModelOptions models;
  @Mixin SparkOptions spark;

  @Option(names = "--labels", paramLabel = "DIR", defaultValue = "data/labels",
      description = "Folder of <topic>.csv label files (id,label,reason). Default: ${DEFAULT-VALUE}")
  String labels;

  @Option(names = "--test-labels", paramLabel = "DIR", description = "Folder of labels kept apart (e.g. "
      + "data/labels/fresh2): for a topic with a file there, thresholds come from the dev half of --labels and the "
      + "figures from all of these.")
  String testLabels;

  @Override
  public Integer call() {
    var topics = topicOptions.load(spark);
    return CommandRun.execute("evaluate", spark, CommandRun.Scope.of(topics),
        ctx -> EvaluateStage.run(ctx, models.store(ctx), labels, testLabels));
  }
}
