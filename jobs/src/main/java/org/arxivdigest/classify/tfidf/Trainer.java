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
  /** Category model: every category predicted for a paper ({@link CategorySets}). */
  public static final String PREDICTED_SET = "predicted_categories";
  /** A training paper's weight ({@link TrainParams#classWeightPower()}, times its {@link #EXAMPLE_WEIGHT}). */
  static final String WEIGHT = "_weight";
  /** An example's own weight, when its examples carry one (human-labelled papers: {@link TrainingData}). */
  public static final String EXAMPLE_WEIGHT = "example_weight";
  private static final String ACTUAL_SET = "_actual_categories";
  /** The thresholds a validation run of the category model measures the predicted sets at. */
  static final List<Double> THRESHOLDS = List.of(0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5);

  /** What a training run made. */
  public record Result(String kindPath, String version, String dir, Metrics metrics, Map<String, Object> report) {}

  /**
   * {@code setLabels}: the classes the model will have (sorted, as its indexer orders them), to end the pipeline
   * with the sets of categories ({@link CategorySets}) at the params' threshold; null: no sets.
   */
  public static Pipeline pipeline(TrainParams params, String maskRegex, String[] setLabels) {
    var stages = new ArrayList<>(Arrays.asList(TextFeatures.stages(params, maskRegex)));
    var indexer = new StringIndexer().setInputCol(TrainingData.LABEL).setOutputCol(LABEL_INDEX)
        .setStringOrderType("alphabetAsc").setHandleInvalid("keep");
    var lr = new LogisticRegression().setFeaturesCol(TextFeatures.FEATURES).setLabelCol(LABEL_INDEX)
        .setPredictionCol(PREDICTION).setProbabilityCol(PROBABILITY).setMaxIter(params.maxIter())
        .setRegParam(params.regParam()).setElasticNetParam(0.0).setFamily("multinomial").setStandardization(false);
    lr.setWeightCol(WEIGHT);
    stages.add(indexer);
    stages.add(lr);
    if (setLabels != null && params.multiLabelThreshold() > 0) {
      stages.add(new CategorySets().setLabels(setLabels).setThreshold(params.multiLabelThreshold())
          .setProbabilityCol(PROBABILITY).setPredictionCol(PREDICTION).setOutputCol(PREDICTED_SET));
    }
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
      Fitted fitted = fit(train, params, kindPath, maskRegex);
      PipelineModel model = fitted.model();
      Dataset<Row> test = predict(model, TrainingData.test(examples)).persist(StorageLevel.MEMORY_AND_DISK());
      Metrics metrics = Metrics.of(test, TrainingData.LABEL, PREDICTED_LABEL);
      MultiLabelMetrics sets = fitted.setLabels() == null || params.multiLabelThreshold() <= 0 ? null
          : MultiLabelMetrics.of(withActualSets(test, fitted.setLabels()), ACTUAL_SET, PREDICTED_SET,
              named(fitted.setLabels()));
      test.unpersist();
      long trainSize = fitted.trainSize();
      long classes = fitted.classes();
      double seconds = fitted.seconds();

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
      if (sets != null) {
        report.put("categories", sets.toMap());
      }
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

  /** A fitted pipeline, with what it was fitted on. */
  record Fitted(PipelineModel model, long trainSize, long classes, double seconds, String[] setLabels) {}

  /** Fits the pipeline of {@code params} on {@code train} (persisted by the caller), weighted if asked. */
  private static Fitted fit(Dataset<Row> train, TrainParams params, String kindPath, String maskRegex) {
    long trainSize = train.count();
    var counts = new java.util.TreeMap<String, Long>();
    for (Row r : train.groupBy(TrainingData.LABEL).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    if (counts.size() < 2) {
      throw new UsageException("cannot train " + kindPath + ": the training split has " + trainSize
          + " papers in " + counts.size() + " class(es); at least two classes are needed");
    }
    org.apache.spark.sql.Column w = org.apache.spark.sql.functions.lit(1.0);
    if (params.classWeightPower() > 0) {
      long largest = java.util.Collections.max(counts.values());
      for (var e : counts.entrySet()) {
        w = org.apache.spark.sql.functions.when(org.apache.spark.sql.functions.col(TrainingData.LABEL)
            .equalTo(e.getKey()), Math.pow((double) largest / e.getValue(), params.classWeightPower())).otherwise(w);
      }
    }
    if (Arrays.asList(train.columns()).contains(EXAMPLE_WEIGHT)) {
      w = w.multiply(org.apache.spark.sql.functions.col(EXAMPLE_WEIGHT));
    }
    Dataset<Row> weighted = train.withColumn(WEIGHT, w);
    String[] setLabels = "category".equals(kindPath) ? counts.keySet().toArray(String[]::new) : null;
    long start = System.nanoTime();
    PipelineModel model = pipeline(params, maskRegex, setLabels).fit(weighted);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (setLabels != null && !Arrays.equals(setLabels, labels(model))) {
      throw new IllegalStateException("the category sets' labels " + Arrays.toString(setLabels)
          + " are not the model's " + Arrays.toString(labels(model)));
    }
    return new Fitted(model, trainSize, counts.size(), seconds, setLabels);
  }

  /** The named classes of a category model (not the pooled {@value TrainingData#OTHER}). */
  private static List<String> named(String[] labels) {
    return Arrays.stream(labels).filter(l -> !l.equals(TrainingData.OTHER)).toList();
  }

  /** The paper's categories among the model's named classes: what its predicted set should be. */
  private static Dataset<Row> withActualSets(Dataset<Row> predictions, String[] labels) {
    Object[] classes = named(labels).toArray();
    return predictions.withColumn(ACTUAL_SET, org.apache.spark.sql.functions.filter(
        org.apache.spark.sql.functions.col(org.arxivdigest.schema.Columns.CATEGORIES), c -> c.isin(classes)));
  }

  /**
   * A validation run: fits on the training split less its validation fold and measures on that fold
   * ({@link TrainingData#forValidation}); the test split is never read. Nothing is saved. For the category model,
   * the predicted sets are measured at each of {@link #THRESHOLDS}.
   */
  public static Map<String, Object> validate(Dataset<Row> examples, TrainParams params, String kindPath,
                                             String maskRegex) {
    Dataset<Row> folds = TrainingData.forValidation(examples);
    Dataset<Row> train = TrainingData.train(folds).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Fitted fitted = fit(train, params, kindPath, maskRegex);
      Dataset<Row> validation = predict(fitted.model(), TrainingData.test(folds))
          .persist(StorageLevel.MEMORY_AND_DISK());
      var report = new LinkedHashMap<String, Object>();
      report.put("kind", kindPath);
      report.put("validation", "fit on the training split less fold pmod(xxhash64(id), 5) == 1, measured on it");
      report.put("train_size", fitted.trainSize());
      report.put("training_seconds", Math.round(fitted.seconds() * 10) / 10.0);
      report.put("parameters", params.toMap());
      report.putAll(Metrics.of(validation, TrainingData.LABEL, PREDICTED_LABEL).toMap());
      if (fitted.setLabels() != null) {
        var byThreshold = new LinkedHashMap<String, Object>();
        Dataset<Row> actual = withActualSets(validation, fitted.setLabels());
        for (double t : THRESHOLDS) {
          Dataset<Row> sets = actual.withColumn(PREDICTED_SET, CategorySets.sets(
              org.apache.spark.sql.functions.col(PROBABILITY), org.apache.spark.sql.functions.col(PREDICTION),
              fitted.setLabels(), t));
          var m = MultiLabelMetrics.of(sets, ACTUAL_SET, PREDICTED_SET, named(fitted.setLabels())).toMap();
          m.remove("classes");
          byThreshold.put(String.valueOf(t), m);
        }
        report.put("categories_by_threshold", byThreshold);
      }
      validation.unpersist();
      return report;
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
