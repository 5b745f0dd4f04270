package org.arxivdigest.classify.tfidf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.core.Json;
import org.arxivdigest.core.UsageException;

/**
 * Fits a TF-IDF + logistic regression pipeline on the training split, measures it on the test split and saves it,
 * with its metrics, as a new version.
 */
public final class Trainer {
  private Trainer() {}

  public static final String LABEL_INDEX = "_label_index";
  public static final String PREDICTION = "_prediction";
  public static final String PROBABILITY = "probability";
  public static final String PREDICTED_LABEL = "predicted_label";

  /** What a training run made. */
  public record Result(String kindPath, String version, String dir, Metrics metrics, Map<String, Object> report) {}

  public static Pipeline pipeline(TrainParams params, String maskRegex) {
    var stages = new ArrayList<>(Arrays.asList(TextFeatures.stages(params.vocabSize(), params.minDocFreq(),
        maskRegex)));
    var indexer = new StringIndexer().setInputCol(TrainingData.LABEL).setOutputCol(LABEL_INDEX)
        .setStringOrderType("alphabetAsc").setHandleInvalid("keep");
    var lr = new LogisticRegression().setFeaturesCol(TextFeatures.FEATURES).setLabelCol(LABEL_INDEX)
        .setPredictionCol(PREDICTION).setProbabilityCol(PROBABILITY).setMaxIter(params.maxIter())
        .setRegParam(params.regParam()).setElasticNetParam(0.0).setFamily("multinomial").setStandardization(false);
    stages.add(indexer);
    stages.add(lr);
    // Labels are read from the fitted indexer at transform time: see predictedLabels().
    return new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
  }

  /** Adds {@value #PREDICTED_LABEL} from the model's own label list. */
  public static Dataset<Row> predict(PipelineModel model, Dataset<Row> examples) {
    String[] labels = labels(model);
    var toLabel = new IndexToString().setInputCol(PREDICTION).setOutputCol(PREDICTED_LABEL).setLabels(labels);
    return toLabel.transform(model.transform(examples));
  }

  public static String[] labels(PipelineModel model) {
    return stage(model, StringIndexerModel.class).labelsArray()[0];
  }

  public static <T> T stage(PipelineModel model, Class<T> type) {
    return Arrays.stream(model.stages()).filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }

  public static Result train(Dataset<Row> examples, TrainParams params, ModelStore store, String kindPath,
                             Map<String, Object> about) {
    return train(examples, params, store, kindPath, about, null);
  }

  /** {@code maskRegex}: text blanked out before tokenizing (a topic's own keywords), or null. */
  public static Result train(Dataset<Row> examples, TrainParams params, ModelStore store, String kindPath,
                             Map<String, Object> about, String maskRegex) {
    Dataset<Row> train = TrainingData.train(examples).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long trainSize = train.count();
      long classes = train.select(TrainingData.LABEL).distinct().count();
      if (classes < 2) {
        throw new UsageException("cannot train " + kindPath + ": the training split has " + trainSize
            + " papers in " + classes + " class(es); at least two classes are needed");
      }
      long start = System.nanoTime();
      PipelineModel model = pipeline(params, maskRegex).fit(train);
      double seconds = (System.nanoTime() - start) / 1e9;

      Dataset<Row> test = TrainingData.test(examples);
      Metrics metrics = Metrics.of(predict(model, test), TrainingData.LABEL, PREDICTED_LABEL);

      String version = store.newVersion(kindPath);
      String dir = store.versionDir(kindPath, version);
      try {
        model.write().save(dir + "/model");
      } catch (IOException e) {
        throw new UncheckedIOException("saving model " + dir, e);
      }

      var report = new LinkedHashMap<String, Object>();
      report.put("kind", kindPath);
      report.put("version", version);
      report.putAll(about);
      report.put("train_size", trainSize);
      report.put("classes_trained", classes);
      report.put("training_seconds", Math.round(seconds * 10) / 10.0);
      report.put("parameters", params.toMap());
      if (maskRegex != null) {
        report.put("masked_from_text", maskRegex);
      }
      report.putAll(metrics.toMap());
      if (kindPath.startsWith("topic/")) {
        report.put("top_terms", topTerms(model, 25));
      }
      var conf = examples.sparkSession().sparkContext().hadoopConfiguration();
      org.arxivdigest.io.HadoopFiles.writeString(conf, dir + "/metrics.json", json(report));
      org.arxivdigest.io.HadoopFiles.writeString(conf, dir + "/metrics.md", MetricsReport.markdown(report,
          metrics));
      store.markLatest(kindPath, version);
      return new Result(kindPath, version, dir, metrics, report);
    } finally {
      train.unpersist();
    }
  }

  /** For a yes/no model: the terms with the largest and the smallest weights, i.e. what it learned. */
  static Map<String, List<Map<String, Object>>> topTerms(PipelineModel model, int n) {
    String[] vocabulary = stage(model, CountVectorizerModel.class).vocabulary();
    LogisticRegressionModel lr = stage(model, LogisticRegressionModel.class);
    String[] labels = labels(model);
    int yes = Arrays.asList(labels).indexOf(TrainingData.YES);
    int no = Arrays.asList(labels).indexOf(TrainingData.NO);
    var coefficients = lr.coefficientMatrix();
    var weights = new ArrayList<Map.Entry<String, Double>>();
    for (int i = 0; i < vocabulary.length; i++) {
      weights.add(Map.entry(vocabulary[i], coefficients.apply(yes, i) - coefficients.apply(no, i)));
    }
    weights.sort(Map.Entry.comparingByValue(Comparator.reverseOrder()));
    var out = new LinkedHashMap<String, List<Map<String, Object>>>();
    out.put("positive", weights.subList(0, Math.min(n, weights.size())).stream().map(Trainer::term).toList());
    var negative = new ArrayList<>(weights.subList(Math.max(0, weights.size() - n), weights.size()));
    java.util.Collections.reverse(negative);
    out.put("negative", negative.stream().map(Trainer::term).toList());
    return out;
  }

  private static Map<String, Object> term(Map.Entry<String, Double> e) {
    return Map.of("term", e.getKey(), "weight", Math.round(e.getValue() * 1000) / 1000.0);
  }

  static String json(Object value) {
    return Json.write(value);
  }

}
