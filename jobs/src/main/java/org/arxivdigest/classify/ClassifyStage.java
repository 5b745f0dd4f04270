package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.TOPIC;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.classify.tfidf.ModelKind;
import org.arxivdigest.classify.tfidf.ModelStore;
import org.arxivdigest.classify.tfidf.TfidfModels;
import org.arxivdigest.cli.UsageException;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.listing.Listings;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.Stages;

/**
 * Wires classification: papers to topic assignments (keyword rule; with trained models also TF-IDF scores, their
 * combination, and predicted categories), then assignments to the listings the pages show.
 */
public final class ClassifyStage {
  private ClassifyStage() {}

  /** Its stamp ({@link StageStamps}): made from these papers and versions, topics and models, by this build. */
  static final String STAMP = "classify";

  /** As {@link #run(SparkSession, OutputLayout, List, ModelStore, boolean, Stages)}, not incremental. */
  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, ModelStore models,
                         Stages stages) {
    run(spark, out, topics, models, false, stages);
  }

  /**
   * Classifies every paper and builds every listing. {@code incremental}: only the listing partitions (topic,
   * month) whose rows changed are moved into the dataset, and they are returned as {@code "topic/yyyy_mm"}; null
   * when not incremental or when the listings in place have no manifest to compare with (then all were replaced).
   */
  public static java.util.SortedSet<String> run(SparkSession spark, OutputLayout out, List<Topic> topics,
                                                ModelStore models, boolean incremental, Stages stages) {
    var conf = spark.sparkContext().hadoopConfiguration();
    HadoopFiles.requireDataset(conf, out.papers(), "ingest");
    HadoopFiles.requireDataset(conf, out.versions(), "ingest");
    Dataset<Row> papers = spark.read().parquet(out.papers());
    var modelDirs = new LinkedHashMap<Topic, String>();
    for (Topic t : topics) {
      String dir = models == null ? null : models.latest(ModelStore.kindPath(ModelKind.TOPIC, t.slug()));
      if (dir != null) {
        modelDirs.put(t, dir);
      } else if (t.method() != Topic.Method.KEYWORD) {
        throw new UsageException("topic \"" + t.slug() + "\" lists by method " + t.method().code()
            + " but no trained model was found" + (models == null ? "" : " under " + models.kindDir(
            ModelStore.kindPath(ModelKind.TOPIC, t.slug()))) + "; run `arxiv-digest train --kind topic` first");
      }
    }

    String category = models == null ? null : models.latest(ModelKind.CATEGORY.dir());
    String archive = models == null ? null : models.latest(ModelKind.ARCHIVE.dir());
    var outputs = new ArrayList<>(List.of(out.assignments(), out.listings()));
    if (category != null || archive != null) {
      outputs.add(out.predictions());
    }
    String key = StageStamps.key(STAMP, StageStamps.content(conf, out.papers()),
        StageStamps.content(conf, out.versions()), topics, modelDirs.values(), category, archive);
    if (stages.skip(STAMP, StageStamps.matching(conf, out, STAMP, key, outputs))) {
      return incremental ? new java.util.TreeSet<>() : null;
    }
    StageStamps.clear(conf, out, STAMP);
    var topicModels = new LinkedHashMap<Topic, PipelineModel>();
    modelDirs.forEach((t, dir) -> topicModels.put(t, PipelineModel.load(dir + "/model")));

    stages.run("classify.assign", () -> {
      Dataset<Row> keyword = KeywordRules.assign(papers, topics);
      Dataset<Row> all = keyword;
      Dataset<Row> scores = null;
      if (!topicModels.isEmpty()) {
        var perTopic = new ArrayList<Dataset<Row>>();
        topicModels.forEach((t, m) -> perTopic.add(TfidfModels.topicScores(papers, t, m)));
        scores = perTopic.stream().reduce(Dataset::unionByName).orElseThrow()
            .persist(StorageLevel.MEMORY_AND_DISK());
        var modelled = new ArrayList<>(topicModels.keySet());
        all = keyword.unionByName(Assignments.tfidf(scores, modelled))
            .unionByName(Assignments.combined(keyword.filter(col(TOPIC).isin(modelled.stream().map(Topic::slug)
                .toArray())), scores, modelled));
      }
      try {
        DatasetWriter.replace(all.repartition(col(TOPIC)).sortWithinPartitions(TOPIC, METHOD, ID),
            out.assignments(), TOPIC);
      } finally {
        if (scores != null) {
          scores.unpersist();
        }
      }
      return counts("assignments", countBy(spark.read().parquet(out.assignments()), TOPIC, METHOD));
    });

    if (models != null) {
      if (category != null || archive != null) {
        stages.run("classify.predictions", () -> {
          DatasetWriter.replace(TfidfModels.predictions(papers,
              category == null ? null : PipelineModel.load(category + "/model"),
              archive == null ? null : PipelineModel.load(archive + "/model")), out.predictions());
          return Map.of("papers", spark.read().parquet(out.predictions()).count(),
              "category_model", String.valueOf(category), "archive_model", String.valueOf(archive));
        });
      }
    }

    var changed = new java.util.TreeSet<String>();
    boolean[] compared = {false};
    stages.run("classify.listings", () -> {
      Dataset<Row> listings = Listings.build(spark, spark.read().parquet(out.assignments()), papers,
              spark.read().parquet(out.versions()), topics)
          .repartition(col(TOPIC), col(MONTH))
          .sortWithinPartitions(TOPIC, MONTH, ID, VERSION, SUBMITTED_AT);
      Map<String, Object> result = new LinkedHashMap<>();
      if (incremental) {
        var keys = DatasetWriter.replaceChangedPartitions(listings, out.listings(), TOPIC, MONTH);
        if (keys != null) {
          compared[0] = true;
          // "topic=llm/month=2025_05" -> "llm/2025_05"
          keys.forEach(k -> changed.add(k.replaceAll("(^|/)[a-z_]+=", "$1")));
          result.put("partitions_changed", changed.size());
        }
      } else {
        DatasetWriter.replace(listings, out.listings(), TOPIC, MONTH);
      }
      result.putAll(counts("listed", countBy(spark.read().parquet(out.listings()), TOPIC)));
      return result;
    });
    StageStamps.write(conf, out, STAMP, key, spark.sparkContext().getLocalProperty(Manifests.RUN_ID_PROPERTY),
        outputs, Map.of());
    return compared[0] ? changed : null;
  }

  /** Counts by the given columns, keyed "a/b". */
  private static Map<String, Long> countBy(Dataset<Row> data, String... columns) {
    var counts = new TreeMap<String, Long>();
    for (Row r : data.groupBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)).count()
        .collectAsList()) {
      var key = new StringBuilder();
      for (int i = 0; i < columns.length; i++) {
        key.append(i == 0 ? "" : "/").append(r.getString(i));
      }
      counts.put(key.toString(), r.getLong(columns.length));
    }
    return counts;
  }

  private static Map<String, Object> counts(String key, Map<String, Long> byKey) {
    var map = new LinkedHashMap<String, Object>();
    map.put(key, byKey.values().stream().mapToLong(Long::longValue).sum());
    map.put(key + "_by_topic", byKey);
    return map;
  }
}
