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

  @Option(names = "--vocab-size", paramLabel = "N", description = "Most frequent 1-/2-grams kept "
      + "(bounds model size and driver memory). Default: 1048576 for the category model, 262144 for the others")
  Integer vocabSize;

  @Option(names = "--min-doc-freq", paramLabel = "N",
      description = "Terms in fewer training papers are left out of the vocabulary. Default: 2")
  Integer minDocFreq;

  @Option(names = "--max-iter", paramLabel = "N",
      description = "Iterations of the logistic regression's optimizer, at most. Default: 100")
  Integer maxIter;

  @Option(names = "--reg-param", paramLabel = "X", description = "L2 regularization. Default: 1e-4; topic models 1e-3")
  Double regParam;

  @Option(names = "--min-class-size", paramLabel = "N",
      description = "Category model: rarer primary categories are pooled as \"other\". Default: 200")
  Integer minClassSize;

  @Option(names = "--term-frequency", paramLabel = "binary|sublinear",
      description = "How a term's count in a paper is weighted before IDF: present or not, or 1 + ln(count). "
          + "Default: sublinear for the category model, binary for the others")
  String termFrequency;

  @Option(names = "--title-features", negatable = true,
      description = "Also give the title's words as features of their own (title:word). Default: on for the "
          + "category model, off for the others")
  Boolean titleFeatures;

  @Option(names = "--author-features", negatable = true,
      description = "Also give each author's name as a feature (author:first_last). Default: on for the category "
          + "model, off for the others")
  Boolean authorFeatures;

  @Option(names = "--class-weight-power", paramLabel = "P",
      description = "Weigh a training paper of class c by (largest class / class c)^P: 0 unweighted, 1 balanced. "
          + "Default: 1 for the category model, 0 for the others")
  Double classWeightPower;

  @Option(names = "--multi-label-threshold", paramLabel = "T",
      description = "Category model: besides its top class, predict every category whose probability reaches T "
          + "(predictions.predicted_categories); 0: the top class only. Default: 0.1")
  Double multiLabelThreshold;

  @Option(names = "--validate", description = "Fit on the training split less its validation fold and report "
      + "the fold's figures (and, for the category model, the sets' F1 at several thresholds) under "
      + "<models>/validation/; saves no model and never reads the test split. For choosing parameters.")
  boolean validate;

  @Option(names = "--labels", paramLabel = "DIR", description = "Topic models: also train on the human labels of "
      + "<DIR>/<slug>.csv outside their dev half (which evaluate keeps for choosing thresholds; report figures on "
      + "labels kept apart: evaluate --test-labels).")
  String labels;

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
    TrainParams.TermFrequency tf = null;
    if (termFrequency != null) {
      try {
        tf = TrainParams.TermFrequency.valueOf(termFrequency.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--term-frequency " + termFrequency + ": binary or sublinear");
      }
    }
    if (classWeightPower != null && classWeightPower < 0
        || multiLabelThreshold != null && (multiLabelThreshold < 0 || multiLabelThreshold > 1)) {
      throw new UsageException("--class-weight-power is >= 0 and --multi-label-threshold in [0, 1]");
    }
    var params = new TrainParams.Overrides(vocabSize, minDocFreq, maxIter, regParam, minClassSize, tf,
        titleFeatures, authorFeatures, classWeightPower, multiLabelThreshold);
    var chosen = topics;
    return CommandRun.execute("train", spark, CommandRun.Scope.of(chosen),
        ctx -> TrainStage.run(ctx, kinds, params::forKind, models.store(ctx), abstractsCsv, validate, labels));
  }
}
