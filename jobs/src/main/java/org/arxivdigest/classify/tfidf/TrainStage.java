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

  /** Trains the models of {@code kinds} (topic models for the context's topics) on the output's papers. */
  public static void run(StageContext ctx, List<ModelKind> kinds, TrainParams params, ModelStore store,
                         List<String> abstractsCsv) {
    SparkSession spark = ctx.spark();
    Stages stages = ctx.stages();
    List<Topic> topics = ctx.topics();
    Dataset<Row> papers = ctx.read(Catalog.PAPERS);
    for (ModelKind kind : kinds) {
      switch (kind) {
        case CATEGORY -> stages.run("train.category", () -> {
          var kept = frequentCategories(papers, params.minClassSize());
          var about = new LinkedHashMap<String, Object>();
          about.put("predicts", "primary category; categories with fewer than " + params.minClassSize()
              + " training papers pooled as \"other\"");
          about.put("categories_kept", kept);
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
            stages.run("train.topic." + topic.slug(), () -> summary(Trainer.train(TrainingData.topic(papers, topic),
                params, store, ModelStore.kindPath(kind, topic.slug()), Map.of("predicts",
                    "membership of topic " + topic.slug() + " (positives: keyword matches; negatives: papers of "
                        + "the same categories that mention none of its include or related terms)"),
                KeywordRules.includeMask(topic))));
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
