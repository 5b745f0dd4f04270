package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.tfidf.TfidfModels;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models trained on the 2025-05 papers of the sample classify the whole sample (the 2026-05 papers they never
 * saw): assignments and predictions carry scores that the reloaded model reproduces.
 */
class TrainAndClassifyTest {
  @TempDir Path dir;

  private static final String[] SMALL = {"--vocab-size", "20000", "--max-iter", "30", "--min-class-size", "50"};

  @Test
  void modelsTrainedOnOneMonthClassifyPapersTheyNeverSaw() throws IOException {
    Path trainOut = dir.resolve("train");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(trainOut, "ingest", "--input",
        TestSpark.sample().resolve("recent/recent-2025-05.jsonl.gz").toString()))).isZero();
    var train = new java.util.ArrayList<>(List.of(SampleRun.withCommonOptions(trainOut, "train", "--kind",
        "category,topic", "--topic", "llm")));
    train.addAll(List.of(SMALL));
    assertThat(ArxivDigest.run(train.toArray(String[]::new))).isZero();

    Path models = trainOut.resolve("models");
    String version = Files.readString(models.resolve("category/LATEST")).strip();
    JsonNode metrics = new ObjectMapper().readTree(models.resolve("category/" + version + "/metrics.json")
        .toFile());
    assertThat(metrics.get("accuracy").asDouble()).isGreaterThan(0.5);
    assertThat(metrics.get("test_size").asLong()).isPositive();
    assertThat(models.resolve("topic/llm/LATEST")).isRegularFile();
    assertThat(models.resolve("archive")).doesNotExist();

    // The llm topic lists by keyword OR model score: its pages say which, entry by entry.
    Path out = SampleRun.copy(dir.resolve("classified"));
    var mapper = new ObjectMapper();
    var config = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Path.of(SampleRun.topics())
        .toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) config.get("topics").get(0)).put("method", "combined");
    Path combinedTopics = dir.resolve("topics-combined.json");
    mapper.writeValue(combinedTopics.toFile(), config);
    String[] common = {"--topics", combinedTopics.toString(), "--output", out.toString(), "--master", "local[2]",
        "--conf", "spark.sql.shuffle.partitions=4"};
    assertThat(ArxivDigest.run(concat(new String[] {"classify", "--models", models.toString()}, common))).isZero();
    assertThat(ArxivDigest.run(concat(new String[] {"aggregate"}, common))).isZero();
    assertThat(ArxivDigest.run(concat(new String[] {"publish"}, common))).isZero();
    String page = Files.readString(out.resolve("site/papers/llm/2026_05/papers_1.md"));
    assertThat(page).contains("<br><sub>\uD83D\uDD0E keyword \u201cllm\u201d in title and abstract; model score ");
    var byModelOnly = java.util.regex.Pattern.compile("<br><sub>\uD83D\uDD0E model score (0\\.\\d\\d|1\\.00)</sub>");
    assertThat(Files.readString(out.resolve("site/papers/llm/README.md"))).contains("2026_05");
    long modelOnlyEntries = 0;
    try (var parts = Files.list(out.resolve("site/papers/llm/2026_05"))) {
      for (Path part : parts.toList()) {
        modelOnlyEntries += byModelOnly.matcher(Files.readString(part)).results().count();
      }
    }
    assertThat(modelOnlyEntries).as("entries only the model found, saying so").isPositive();

    var spark = TestSpark.session();
    Dataset<Row> assignments = spark.read().parquet(out.resolve("datasets/assignments").toString())
        .filter(col("topic").equalTo("llm"));
    Dataset<Row> tfidf = assignments.filter(col("method").equalTo("tfidf")).filter(col("id").startsWith("2605."));
    assertThat(tfidf.count()).as("never-seen 2026-05 papers found by the model").isPositive();
    assertThat(tfidf.filter(col("score").lt(0.5)).count()).isZero();
    long keyword = assignments.filter(col("method").equalTo("keyword")).count();
    long combined = assignments.filter(col("method").equalTo("combined")).count();
    assertThat(combined).isGreaterThanOrEqualTo(keyword);

    // A reloaded model gives the same scores.
    Topic llm = TopicsConfig.load(SampleRun.topics(), new org.apache.hadoop.conf.Configuration()).get(0);
    String topicVersion = Files.readString(models.resolve("topic/llm/LATEST")).strip();
    PipelineModel reloaded = PipelineModel.load(models.resolve("topic/llm/" + topicVersion + "/model").toString());
    Dataset<Row> papers = spark.read().parquet(out.resolve("datasets/papers").toString());
    Map<String, Double> again = new HashMap<>();
    for (Row r : TfidfModels.topicScores(papers.filter(col("id").startsWith("2605.")), llm, reloaded)
        .collectAsList()) {
      again.put(r.getAs("id"), r.getAs("score"));
    }
    for (Row r : tfidf.collectAsList()) {
      assertThat(again.get(r.<String>getAs("id"))).isCloseTo(r.<Double>getAs("score"), within(1e-9));
    }

    Dataset<Row> predictions = spark.read().parquet(out.resolve("datasets/predictions").toString());
    assertThat(predictions.count()).isEqualTo(papers.count());
    assertThat(predictions.columns()).contains("id", "primary_category", "predicted_category", "category_score",
        "declared_category_score");
    assertThat(predictions.filter(col("category_score").isNull()).count()).isZero();
    // Every category the model predicts: its top one (unless pooled as "other") and those above the threshold.
    assertThat(predictions.filter(col("predicted_categories").isNull()).count()).isZero();
    assertThat(predictions.filter(col("predicted_category").notEqual("other")
        .and(org.apache.spark.sql.functions.not(org.apache.spark.sql.functions.array_contains(
            col("predicted_categories"), col("predicted_category"))))).count()).isZero();
    assertThat(predictions.filter(org.apache.spark.sql.functions.size(col("predicted_categories")).gt(1)).count())
        .as("papers given a second category").isPositive();
  }

  private static String[] concat(String[] a, String[] b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b))
        .toArray(String[]::new);
  }
}
