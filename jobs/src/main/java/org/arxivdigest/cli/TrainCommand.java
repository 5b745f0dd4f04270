package org.arxivdigest.cli;

import org.arxivdigest.core.UsageException;
import java.util.List;
import java.util.concurrent.Callable;
import org.arxivdigest.classify.tfidf.ModelKind;
import org.arxivdigest.classify.tfidf.TrainParams;
import org.arxivdigest.classify.tfidf.TrainStage;
import org.arxivdigest.config.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train TF-IDF models on the ingested papers of --output (category, archive, topic), measure "
        + "them on the test split and save each as a new version under <models>/<kind>/<version>/.")
public class TrainCommand implements Callable<Integer> {
  @Mixin TopicOptions topicOptions;
  @Mixin ModelOptions models;
  @Mixin SparkOptions spark;

  @Option(names = "--kind", split = ",", paramLabel = "KIND",
      description = "category, archive, topic (comma-separated). Default: all three.")
  List<ModelKind> kinds = List.of(ModelKind.values());

  @Option(names = "--topic", paramLabel = "SLUG", description = "Topic models for these topics only (repeatable).")
  List<String> only;

  @Option(names = "--vocab-size", defaultValue = "262144", description = "Most frequent 1-/2-grams kept "
      + "(bounds model size and driver memory). Default: ${DEFAULT-VALUE}")
  int vocabSize;

  @Option(names = "--min-doc-freq", defaultValue = "2", paramLabel = "N",
      description = "Terms in fewer training papers are left out of the vocabulary. Default: ${DEFAULT-VALUE}")
  int minDocFreq;

  @Option(names = "--max-iter", defaultValue = "100", paramLabel = "N",
      description = "Iterations of the logistic regression's optimizer, at most. Default: ${DEFAULT-VALUE}")
  int maxIter;

  @Option(names = "--reg-param", defaultValue = "1e-4", description = "L2 regularization. Default: ${DEFAULT-VALUE}")
  double regParam;

  @Option(names = "--min-class-size", defaultValue = "200",
      description = "Category model: rarer primary categories are pooled as \"other\". Default: ${DEFAULT-VALUE}")
  int minClassSize;

  @Option(names = "--abstracts-csv", paramLabel = "FILE",
      description = "Archive model: also train on this CSV of the Kaggle \"arXiv Paper Abstracts\" dataset "
          + "(titles,summaries,terms; no ids, split by a hash of the title). Repeatable.")
  List<String> abstractsCsv = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    List<Topic> topics = topicOptions.load(spark);
    if (only != null) {
      for (String slug : only) {
        if (topics.stream().noneMatch(t -> t.slug().equals(slug))) {
          throw new UsageException("--topic " + slug + ": no such topic in " + topicOptions.topics);
        }
      }
      topics = topics.stream().filter(t -> only.contains(t.slug())).toList();
    }
    var params = new TrainParams(vocabSize, minDocFreq, maxIter, regParam, minClassSize);
    var chosen = topics;
    return CommandRun.execute("train", spark, CommandRun.Scope.of(chosen),
        ctx -> TrainStage.run(ctx, kinds, params, models.store(ctx), abstractsCsv));
  }
}
