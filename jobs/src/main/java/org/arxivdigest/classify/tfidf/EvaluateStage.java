package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.ID;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Catalog;

/**
 * Wires evaluation: each topic's labels ({@code <labels>/<slug>.csv}) against keyword, tfidf and combined, and the
 * category and archive models on the test split; writes {@code reports/evaluation.json} and {@code .md}.
 */
public final class EvaluateStage {
  private EvaluateStage() {}

  /** Measures the context's topics against their labels and the category and archive models; writes the reports. */
  public static Map<String, Object> run(StageContext ctx, ModelStore store, String labelsDir) {
    return run(ctx, store, labelsDir, null);
  }

  /**
   * {@code testLabelsDir}: labels kept apart (papers no model change has seen); when a topic has a file there, its
   * thresholds are chosen on the dev half of {@code labelsDir}'s file and its figures are those of all of the
   * test file's papers. Null: dev and test halves of {@code labelsDir}.
   */
  public static Map<String, Object> run(StageContext ctx, ModelStore store, String labelsDir, String testLabelsDir) {
    SparkSession spark = ctx.spark();
    OutputLayout out = ctx.out();
    List<Topic> topics = ctx.topics();
    Stages stages = ctx.stages();
    var conf = ctx.conf();
    Dataset<Row> papers = ctx.read(Catalog.PAPERS);
    // A mistyped folder would otherwise report on the labels the models may have been trained on, silently.
    if (testLabelsDir != null && !HadoopFiles.exists(conf, testLabelsDir)) {
      throw new UsageException("--test-labels " + testLabelsDir + ": no such folder");
    }
    var report = new LinkedHashMap<String, Object>();
    var topicReports = new ArrayList<Map<String, Object>>();
    for (Topic topic : topics) {
      String file = Labels.file(labelsDir, topic.slug());
      String testFile = testLabelsDir == null ? null : Labels.file(testLabelsDir, topic.slug());
      String seen = HadoopFiles.exists(conf, file) ? file : null;
      String apart = testFile != null && HadoopFiles.exists(conf, testFile) ? testFile : null;
      if (seen == null && apart == null) {
        continue;
      }
      stages.run("evaluate.topic." + topic.slug(), () -> {
        var r = evaluateTopic(spark, papers, topic, store, seen, apart);
        topicReports.add(r);
        return Map.of("labelled", r.get("labelled"));
      });
    }
    report.put("topics", topicReports);
    var models = new LinkedHashMap<String, Object>();
    for (ModelKind kind : List.of(ModelKind.CATEGORY, ModelKind.ARCHIVE)) {
      String dir = store.latest(kind.dir());
      if (dir == null) {
        continue;
      }
      stages.run("evaluate." + kind.dir(), () -> {
        PipelineModel model = PipelineModel.load(dir + "/model");
        var labels = java.util.Set.of(Trainer.labels(model));
        Dataset<Row> examples = kind == ModelKind.CATEGORY
            ? TrainingData.category(papers, new java.util.TreeSet<>(labels)) : TrainingData.archive(papers);
        Metrics m = Metrics.of(Trainer.predict(model, TrainingData.test(examples)), TrainingData.LABEL,
            Trainer.PREDICTED_LABEL);
        var entry = new LinkedHashMap<String, Object>();
        entry.put("model", dir);
        entry.putAll(m.toMap());
        models.put(kind.dir(), entry);
        return Map.of("test_size", m.total(), "accuracy", m.accuracy());
      });
    }
    report.put("models", models);
    HadoopFiles.writeString(conf, out.reports() + "/evaluation.json", Trainer.json(report));
    HadoopFiles.writeString(conf, out.reports() + "/evaluation.md", EvaluationReport.markdown(report));
    return report;
  }

  private static Map<String, Object> evaluateTopic(SparkSession spark, Dataset<Row> papers, Topic topic,
                                                   ModelStore store, String file, String testFile) {
    Dataset<Row> labels;
    if (testFile == null) {
      labels = Labels.read(spark, file).withColumn("dev", Labels.isDev());
    } else {
      // Thresholds from the dev half of the labels the models may have seen; figures from the ones kept apart.
      labels = Labels.read(spark, testFile).withColumn("dev", lit(false));
      if (file != null) {
        Dataset<Row> seen = Labels.read(spark, file);
        Dataset<Row> dev = seen.filter(Labels.isDev()).withColumn("dev", lit(true));
        long both = seen.join(labels, ID).count();
        if (both > 0) {
          throw new UsageException(testFile + ": " + both + " papers are in " + file + " too; test labels must be "
              + "kept apart");
        }
        labels = labels.unionByName(dev);
      }
    }
    Dataset<Row> labelled = papers.join(labels, ID);
    long missing = labels.count() - labelled.count();
    var keywordHits = new java.util.HashSet<String>();
    for (Row r : KeywordRules.assign(labelled, List.of(topic)).select(ID).collectAsList()) {
      keywordHits.add(r.getString(0));
    }
    String modelDir = store.latest(ModelStore.kindPath(ModelKind.TOPIC, topic.slug()));
    var scores = new HashMap<String, Double>();
    if (modelDir != null) {
      for (Row r : TfidfModels.topicScores(labelled, topic, PipelineModel.load(modelDir + "/model"))
          .collectAsList()) {
        scores.put(r.getString(1), r.getDouble(2));
      }
    }
    var judged = new ArrayList<Evaluation.Judged>();
    for (Row r : labelled.select(col(ID), col(Labels.LABEL), col("dev")).orderBy(ID).collectAsList()) {
      String id = r.getString(0);
      judged.add(new Evaluation.Judged(id, r.getString(1).equals("yes"), keywordHits.contains(id),
          scores.get(id), r.getBoolean(2)));
    }
    var report = Evaluation.topicReport(topic.slug(), judged, modelDir != null);
    report.put("labels_file", file);
    if (testFile != null) {
      report.put("test_labels_file", testFile);
      report.put("thresholds_from", file == null ? "none: no dev labels" : "the dev half of " + file);
    }
    report.put("figures_from", testFile != null ? "all of " + testFile : "the test half of " + file);
    report.put("labels_without_paper", missing);
    report.put("model", modelDir);
    return report;
  }
}
