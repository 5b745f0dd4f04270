package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.arxivdigest.schema.Columns.PRIMARY_CATEGORY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Catalog;

/** Wires training: the papers of an output folder to new model versions of the chosen kinds. */
public final class TrainStage {
  private TrainStage() {}

  /**
   * How many keyword-rule examples a human-labelled paper weighs in a topic model's training: 20 gave llm the best
   * F1 on the labels' dev half of 1 and 5 (docs/model-quality.md).
   */
  static final double LABEL_WEIGHT = 20;

  /**
   * Trains the models of {@code kinds} (topic models for the context's topics) on the output's papers, each kind
   * with its own parameters ({@link TrainParams.Overrides#forKind}).
   *
   * @param validate fit each model on the training split less its validation fold and measure it there
   *     ({@link Trainer#validate}); nothing is saved, the test split is not read, and the report goes to
   *     {@code <models>/validation/<kind>-<run id>.json} and the run summary
   * @param labelsDir topic models also train on the human labels of {@code <labelsDir>/<slug>.csv} outside its dev
   *     half ({@link TrainingData#topicWithLabels}); the dev half stays for choosing thresholds. Null: keyword
   *     positives only
   */
  public static void run(StageContext ctx, List<ModelKind> kinds,
                         java.util.function.Function<ModelKind, TrainParams> paramsOf, ModelStore store,
                         List<String> abstractsCsv, boolean validate, String labelsDir) {
    SparkSession spark = ctx.spark();
    Stages stages = ctx.stages();
    List<Topic> topics = ctx.topics();
    Dataset<Row> papers = ctx.read(Catalog.PAPERS);
    if (validate && !kinds.equals(List.of(ModelKind.CATEGORY))) {
      throw new org.arxivdigest.core.UsageException("--validate: for --kind category only (the topic models are "
          + "chosen against human labels, data/labels)");
    }
    for (ModelKind kind : kinds) {
      TrainParams params = paramsOf.apply(kind);
      switch (kind) {
        case CATEGORY -> stages.run("train.category", () -> {
          var kept = frequentCategories(papers, params.minClassSize());
          var about = new LinkedHashMap<String, Object>();
          about.put("predicts", "primary category; categories with fewer than " + params.minClassSize()
              + " training papers pooled as \"other\"");
          about.put("categories_kept", kept);
          if (validate) {
            return validation(ctx, store, Trainer.validate(TrainingData.category(papers, kept), params,
                ModelStore.kindPath(kind, null), null));
          }
          return summary(Trainer.train(TrainingData.category(papers, kept), params, store,
              ModelStore.kindPath(kind, null), about));
        });
        case ARCHIVE -> stages.run("train.archive", () -> {
          Dataset<Row> examples = TrainingData.archive(papers);
          for (String csv : abstractsCsv) {
            examples = examples.unionByName(TrainingData.archiveFromAbstractsCsv(spark, csv));
          }
          var about = new LinkedHashMap<String, Object>();
          about.put("predicts", "primary archive");
          about.put("extra_data", abstractsCsv);
          about.put("examples_by_archive", countByLabel(examples));
          return summary(Trainer.train(examples, params, store, ModelStore.kindPath(kind, null), about));
        });
        case TOPIC -> {
          for (Topic topic : topics) {
            String file = labelsDir == null ? null : Labels.file(labelsDir, topic.slug());
            boolean labelled = file != null && org.arxivdigest.io.HadoopFiles.exists(ctx.conf(), file);
            var about = new LinkedHashMap<String, Object>();
            about.put("predicts", "membership of topic " + topic.slug() + " (positives: keyword matches"
                + (topic.trainPositive().isEmpty() ? "" : " and papers with a train_positive term in title and "
                + "abstract") + "; negatives: papers of the same categories that mention none of its include or "
                + "related terms"
                + (labelled ? "; and the human labels outside the dev half, as labelled" : "") + ")");
            Dataset<Row> examples = TrainingData.topic(papers, topic);
            if (labelled) {
              Dataset<Row> training = Labels.read(spark, file).filter(not(Labels.isDev()));
              about.put("labels_trained_on", file + " (outside its dev half: " + training.count() + " papers)");
              examples = TrainingData.topicWithLabels(papers, topic, training, LABEL_WEIGHT);
            }
            Dataset<Row> chosen = examples;
            stages.run("train.topic." + topic.slug(), () -> summary(Trainer.train(chosen, params, store,
                ModelStore.kindPath(kind, topic.slug()), about, KeywordRules.includeMask(topic))));
          }
        }
      }
    }
  }

  /** Primary categories with at least {@code min} papers in the training split (never looks at the test split). */
  static TreeSet<String> frequentCategories(Dataset<Row> papers, int min) {
    var kept = new TreeSet<String>();
    for (Row r : papers.filter(col(PRIMARY_CATEGORY).isNotNull().and(not(Split.isTest(col("id")))))
        .groupBy(PRIMARY_CATEGORY).count().filter(col("count").geq(min)).collectAsList()) {
      kept.add(r.getString(0));
    }
    return kept;
  }

  private static Map<String, Object> validation(StageContext ctx, ModelStore store, Map<String, Object> report) {
    String path = store.root() + "/validation/" + String.valueOf(report.get("kind")).replace('/', '-') + "-"
        + ctx.runId() + ".json";
    org.arxivdigest.io.HadoopFiles.writeString(ctx.conf(), path, Trainer.json(report));
    var m = new LinkedHashMap<String, Object>();
    m.put("report", path);
    m.put("accuracy", report.get("accuracy"));
    m.put("macro_f1", report.get("macro_f1"));
    return m;
  }

  private static Map<String, Long> countByLabel(Dataset<Row> examples) {
    var counts = new java.util.TreeMap<String, Long>();
    for (Row r : examples.groupBy(TrainingData.LABEL).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static Map<String, Object> summary(Trainer.Result r) {
    var m = new LinkedHashMap<String, Object>();
    m.put("version", r.version());
    m.put("test_size", r.metrics().total());
    m.put("accuracy", Math.round(r.metrics().accuracy() * 1000) / 1000.0);
    m.put("macro_f1", Math.round(r.metrics().macroF1() * 1000) / 1000.0);
    m.put("training_seconds", r.report().get("training_seconds"));
    return m;
  }
}
