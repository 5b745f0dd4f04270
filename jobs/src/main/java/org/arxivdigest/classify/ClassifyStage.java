package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.ID_YEAR;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.TOPIC;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.classify.tfidf.ModelKind;
import org.arxivdigest.classify.tfidf.ModelStore;
import org.arxivdigest.classify.tfidf.TfidfModels;
import org.arxivdigest.config.Topic;
import org.arxivdigest.core.Changes;
import org.arxivdigest.core.TopicMonth;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.ingest.MergedIds;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.StampedStage;
import org.arxivdigest.run.StampedStage.Computed;
import org.arxivdigest.schema.Catalog;

/**
 * Wires classification: papers to topic assignments (keyword rule; with trained models also TF-IDF scores, their
 * combination, and predicted categories), then assignments to the listings the pages show.
 */
public final class ClassifyStage {
  private ClassifyStage() {}

  /** Its stamp: made from these papers and versions, topics and models, by this build. */
  static final String STAMP = "classify";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassifyStage.class);

  /**
   * {@code ctx} with each topic whose method needs a trained model that {@code store} does not hold listing by
   * its keyword rule instead: {@code run} never trains, so a config naming {@code tfidf} or {@code combined} runs
   * before the first {@code train} too. Each such topic gets a one-line warning on the console and a line under
   * {@code model_fallbacks} in the run summary.
   */
  public static StageContext withAvailableModels(StageContext ctx, ModelStore store) {
    var topics = new ArrayList<Topic>();
    var fallbacks = new LinkedHashMap<String, String>();
    for (Topic t : ctx.topics()) {
      String kindPath = ModelStore.kindPath(ModelKind.TOPIC, t.slug());
      if (t.method() != Topic.Method.KEYWORD && (store == null || store.latest(kindPath) == null)) {
        String why = "method " + t.method().code() + " needs a trained model" + (store == null ? ""
            : " under " + store.kindDir(kindPath)) + "; listing by the keyword rule (arxiv-digest train --kind topic "
            + "--topic " + t.slug() + ")";
        LOG.warn("topic {}: {}", t.slug(), why);
        fallbacks.put(t.slug(), why);
        topics.add(t.withMethod(Topic.Method.KEYWORD));
      } else {
        topics.add(t);
      }
    }
    if (fallbacks.isEmpty()) {
      return ctx;
    }
    ctx.summary().put("model_fallbacks", fallbacks);
    return new StageContext(ctx.spark(), ctx.out(), ctx.runId(), ctx.stages(), List.copyOf(topics), ctx.range(),
        ctx.options());
  }

  /** The trained models a classify applies: per topic, and the category and archive models (each may be null). */
  private record Models(Map<Topic, String> topics, String category, String archive) {
    static Models latest(ModelStore store, List<Topic> topics) {
      var dirs = new LinkedHashMap<Topic, String>();
      for (Topic t : topics) {
        String dir = store == null ? null : store.latest(ModelStore.kindPath(ModelKind.TOPIC, t.slug()));
        if (dir != null) {
          dirs.put(t, dir);
        } else if (t.method() != Topic.Method.KEYWORD) {
          throw new UsageException("topic \"" + t.slug() + "\" lists by method " + t.method().code()
              + " but no trained model was found" + (store == null ? "" : " under " + store.kindDir(
              ModelStore.kindPath(ModelKind.TOPIC, t.slug()))) + "; run `arxiv-digest train --kind topic` first");
        }
      }
      return new Models(dirs, store == null ? null : store.latest(ModelKind.CATEGORY.dir()),
          store == null ? null : store.latest(ModelKind.ARCHIVE.dir()));
    }

    boolean predicts() {
      return category != null || archive != null;
    }
  }

  /**
   * Classifies every paper and builds every listing. {@code incremental}: only the listing partitions (topic,
   * month) whose rows changed are moved into the dataset, and they are returned; {@link Changes#ALL} when not
   * incremental or when the listings in place have no manifest to compare with (then all were replaced).
   */
  public static Changes run(StageContext ctx, ModelStore store, boolean incremental) {
    ctx.require(Catalog.PAPERS, Catalog.VERSIONS);
    Models models = Models.latest(store, ctx.topics());
    var outputs = new ArrayList<>(List.of(Catalog.ASSIGNMENTS, Catalog.LISTINGS));
    if (models.predicts()) {
      outputs.add(Catalog.PREDICTIONS);
    }
    Object[] rules = {ctx.topics(), models.topics().values(), models.category(), models.archive()};
    String rulesKey = StageStamps.key(STAMP + ".rules", rules);
    // Only what a merge changed is classified again, which is right only if the rest was classified by these rules.
    boolean sameRules = incremental && sameRules(ctx, rulesKey);
    return StampedStage.named(STAMP)
        .reads(Catalog.PAPERS, Catalog.VERSIONS)
        .key(rules)
        .writes(outputs)
        .run(ctx, stamp -> incremental ? Changes.none() : Changes.ALL,
            () -> new Computed<>(classify(ctx, models, incremental, sameRules), new Facts(rulesKey)));
  }

  /** What the stamp keeps beside its key: the key of the topics and models alone (the rules). */
  record Facts(String rules) {}

  /** Whether the output's assignments and listings were made by {@code rulesKey} (by this build). */
  private static boolean sameRules(StageContext ctx, String rulesKey) {
    StageStamps.Stamp stamp = StageStamps.ofThisBuild(ctx.conf(), ctx.out(), STAMP);
    Facts facts = stamp == null ? null : stamp.facts(Facts.class);
    return facts != null && rulesKey.equals(facts.rules());
  }

  /**
   * {@code sameRules}: the output in place was classified by the same topics and models, so that a merge's
   * papers alone are classified and listed again (else every paper is).
   */
  private static Changes classify(StageContext ctx, Models models, boolean incremental, boolean sameRules) {
    Dataset<Row> papers = ctx.read(Catalog.PAPERS);
    var topicModels = new LinkedHashMap<Topic, PipelineModel>();
    models.topics().forEach((t, dir) -> topicModels.put(t, PipelineModel.load(dir + "/model")));
    // A merge's papers: only those it changed are classified again, the other assignments kept (a paper's
    // assignments depend on that paper alone). Predictions are rewritten whole, so a run that makes them
    // classifies everything.
    Dataset<Row> merged = sameRules && !models.predicts() ? MergedIds.read(ctx) : null;
    ctx.stages().run("classify.assign", () -> {
      if (merged == null) {
        writeAssignments(ctx, papers, topicModels, null);
      } else {
        writeAssignments(ctx, ofMerged(papers, merged), topicModels,
            ctx.read(Catalog.ASSIGNMENTS).join(merged, ID, "left_anti"));
      }
      return counts("assignments", countBy(ctx.read(Catalog.ASSIGNMENTS), TOPIC, METHOD));
    });
    if (models.predicts()) {
      ctx.stages().run("classify.predictions", () -> {
        DatasetWriter.replace(TfidfModels.predictions(papers,
            models.category() == null ? null : PipelineModel.load(models.category() + "/model"),
            models.archive() == null ? null : PipelineModel.load(models.archive() + "/model")),
            ctx.path(Catalog.PREDICTIONS));
        return Map.of("papers", ctx.read(Catalog.PREDICTIONS).count(),
            "category_model", String.valueOf(models.category()), "archive_model", String.valueOf(models.archive()));
      });
    }
    // A merge: only the months where a merged paper had or has a version can change.
    Set<String> months = sameRules ? MergedIds.months(ctx) : null;
    return ctx.stages().timed("classify.listings", () -> {
      Dataset<Row> listings;
      if (months == null) {
        listings = Listings.build(ctx.spark(), ctx.read(Catalog.ASSIGNMENTS), papers, ctx.read(Catalog.VERSIONS),
            ctx.topics());
      } else if (merged == null) { // predictions made: every paper assigned again, the months listed again
        Dataset<Row> versions = ctx.read(Catalog.VERSIONS).filter(col(MONTH).isin(months.toArray()));
        listings = Listings.build(ctx.spark(), ctx.read(Catalog.ASSIGNMENTS),
            papers.filter(col(ID_YEAR).isin(Ids.years(versions).toArray())), versions, ctx.topics());
      } else {
        listings = mergedListings(ctx, papers, merged, months);
      }
      listings = listings
          .repartition(col(TOPIC), col(MONTH))
          .sortWithinPartitions(TOPIC, MONTH, ID, VERSION, SUBMITTED_AT);
      String target = ctx.path(Catalog.LISTINGS);
      if (!incremental) {
        DatasetWriter.replace(listings, target, Catalog.LISTINGS.partitionColumns());
        return Changes.ALL;
      }
      SortedSet<String> keys = DatasetWriter.replaceChangedPartitions(listings, target,
          months == null ? null : key -> months.contains(TopicMonth.ofPartition(key).month()),
          Catalog.LISTINGS.partitionColumns());
      return keys == null ? Changes.ALL : Changes.of(keys.stream().map(TopicMonth::ofPartition).toList());
    }, changes -> {
      Map<String, Object> result = new LinkedHashMap<>();
      if (!changes.isAll()) {
        result.put("partitions_changed", changes.topicMonths().size());
      }
      result.putAll(counts("listed", listedByTopic(ctx)));
      return result;
    });
  }

  /**
   * A merge's listings of {@code months} (where its papers had or have versions): the rows of the merged papers
   * built again from their assignments, text and versions, beside the rows there of every other paper, read back
   * as they are (a listing row depends on its paper alone). The months' papers are neither read nor joined again.
   */
  private static Dataset<Row> mergedListings(StageContext ctx, Dataset<Row> papers, Dataset<Row> merged,
                                             Set<String> months) {
    Object[] inMonths = months.toArray();
    Dataset<Row> fresh = Listings.build(ctx.spark(), ctx.read(Catalog.ASSIGNMENTS).join(merged, ID, "left_semi"),
        ofMerged(papers, merged),
        ctx.read(Catalog.VERSIONS).filter(col(MONTH).isin(inMonths)).join(merged, ID, "left_semi"), ctx.topics());
    Dataset<Row> kept = ctx.read(Catalog.LISTINGS).filter(col(MONTH).isin(inMonths)).join(merged, ID, "left_anti");
    return kept.unionByName(fresh);
  }

  /** The merged papers, read only from the partitions (years) of their ids. */
  private static Dataset<Row> ofMerged(Dataset<Row> papers, Dataset<Row> merged) {
    return papers.filter(col(ID_YEAR).isin(Ids.years(merged).toArray())).join(merged, ID, "left_semi");
  }

  /** The assignments of {@code papers}, with {@code kept} (assignments of other papers, else null). */
  private static void writeAssignments(StageContext ctx, Dataset<Row> papers, Map<Topic, PipelineModel> models,
                                       Dataset<Row> kept) {
    List<Topic> topics = ctx.topics();
    Dataset<Row> keyword = KeywordRules.assign(papers, topics);
    Dataset<Row> all = keyword;
    Dataset<Row> scores = null;
    if (!models.isEmpty()) {
      var perTopic = new ArrayList<Dataset<Row>>();
      models.forEach((t, m) -> perTopic.add(TfidfModels.topicScores(papers, t, m)));
      scores = perTopic.stream().reduce(Dataset::unionByName).orElseThrow().persist(StorageLevel.MEMORY_AND_DISK());
      var modelled = new ArrayList<>(models.keySet());
      all = keyword.unionByName(Assignments.tfidf(scores, modelled))
          .unionByName(Assignments.combined(keyword.filter(col(TOPIC).isin(modelled.stream().map(Topic::slug)
              .toArray())), scores, modelled));
    }
    if (kept != null) {
      all = all.unionByName(kept);
    }
    try {
      DatasetWriter.replace(all.repartition(col(TOPIC)).sortWithinPartitions(TOPIC, METHOD, ID),
          ctx.path(Catalog.ASSIGNMENTS), Catalog.ASSIGNMENTS.partitionColumns());
    } finally {
      if (scores != null) {
        scores.unpersist();
      }
    }
  }

  /**
   * Listed versions by topic, from the listings' manifest (its rows per topic=/month= partition): reading the
   * listings back to count them took 1.8 s at 300k papers (issue 22).
   */
  private static Map<String, Long> listedByTopic(StageContext ctx) {
    Manifests.Manifest m = Manifests.read(ctx.conf(), ctx.path(Catalog.LISTINGS));
    if (m == null) {
      return countBy(ctx.read(Catalog.LISTINGS), TOPIC);
    }
    var byTopic = new TreeMap<String, Long>();
    m.partitions().forEach((key, rows) -> byTopic.merge(TopicMonth.ofPartition(key).topic(), rows, Long::sum));
    return byTopic;
  }

  /** Counts by the given columns, keyed "a/b". */
  private static Map<String, Long> countBy(Dataset<Row> data, String... columns) {
    var counts = new TreeMap<String, Long>();
    for (Row r : data.groupBy(columns[0], Arrays.copyOfRange(columns, 1, columns.length)).count()
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
