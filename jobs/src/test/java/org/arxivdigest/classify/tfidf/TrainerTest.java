package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.ingest.KaggleReader;
import org.arxivdigest.ingest.KaggleRecords;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on a small real fixture: 1,500 cs papers of 2025-05 from data/sample. */
class TrainerTest {
  private static final TrainParams SMALL = new TrainParams(5000, 2, 25, 1e-3, 30);
  private static Dataset<Row> papers;

  @TempDir Path dir;

  @BeforeAll
  static void papers() {
    var spark = TestSpark.session();
    String file = TestSpark.sample().resolve("recent/recent-2025-05.jsonl.gz").toString();
    papers = KaggleRecords.normalize(KaggleReader.parse(KaggleReader.readLines(spark, List.of(file))))
        .filter(col("reason").isNull()).orderBy("id").limit(1500).cache();
  }

  private ModelStore store() {
    return new ModelStore(dir.resolve("models").toString(), new Configuration());
  }

  private static Trainer.Result trainCategory(ModelStore store) {
    var kept = TrainStage.frequentCategories(papers, SMALL.minClassSize());
    return Trainer.train(TrainingData.category(papers, kept), SMALL, store, "category", Map.of());
  }

  @Test
  void aSavedModelLoadsAndPredictsTheSameScores() {
    Trainer.Result r = trainCategory(store());
    var kept = TrainStage.frequentCategories(papers, SMALL.minClassSize());
    Dataset<Row> test = TrainingData.test(TrainingData.category(papers, kept));
    PipelineModel loaded = PipelineModel.load(r.dir() + "/model");
    List<Row> fromDisk = Trainer.predict(loaded, test).orderBy("id").select("id", "probability", "predicted_label")
        .collectAsList();
    Metrics again = Metrics.of(Trainer.predict(loaded, test), TrainingData.LABEL, Trainer.PREDICTED_LABEL);
    assertThat(again).isEqualTo(r.metrics());
    assertThat(fromDisk).isNotEmpty();
    for (Row row : fromDisk) {
      Vector p = row.getAs("probability");
      double sum = 0;
      for (double x : p.toArray()) {
        assertThat(x).isBetween(0.0, 1.0);
        sum += x;
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(r.metrics().accuracy()).as("better than always cs.CV").isGreaterThan(0.5);
  }

  @Test
  void theSameDataAndParametersGiveTheSameMetricsAndNewVersionsNeverOverwrite() throws IOException {
    ModelStore store = store();
    Trainer.Result first = trainCategory(store);
    Trainer.Result second = trainCategory(store);
    assertThat(second.metrics()).isEqualTo(first.metrics());
    assertThat(second.version()).isNotEqualTo(first.version());
    assertThat(Path.of(first.dir(), "model")).isDirectory();
    assertThat(Path.of(second.dir(), "model")).isDirectory();
    assertThat(Files.readString(dir.resolve("models/category/LATEST")).strip()).isEqualTo(second.version());
    assertThat(store.latest("category")).isEqualTo(second.dir());
    JsonNode metrics = new ObjectMapper().readTree(Path.of(second.dir(), "metrics.json").toFile());
    assertThat(metrics.get("accuracy").isNumber()).isTrue();
    assertThat(metrics.get("macro_f1").isNumber()).isTrue();
    assertThat(metrics.get("test_size").asLong()).isEqualTo(first.metrics().total()).isPositive();
    assertThat(Files.readString(Path.of(second.dir(), "metrics.md"))).contains("| accuracy |").contains("cs.CV");
  }

  @Test
  void topicExamplesAreSplitByIdWithBothLabelsOnEachSide() {
    var topic = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"]}]}", "t").get(0);
    Dataset<Row> examples = TrainingData.topic(papers, topic);
    long total = examples.count();
    long test = TrainingData.test(examples).count();
    long ambiguous = papers.filter(KeywordRules.mentions(topic)).count()
        - KeywordRules.assign(papers, List.of(topic)).count();
    assertThat(ambiguous).as("papers that mention llm without meeting the rule").isPositive();
    assertThat(total).isEqualTo(papers.count() - ambiguous); // all of them are cs
    assertThat(test).isBetween(total / 5 - total / 20, total / 5 + total / 20);
    for (Dataset<Row> side : List.of(TrainingData.train(examples), TrainingData.test(examples))) {
      assertThat(side.select(TrainingData.LABEL).distinct().count()).isEqualTo(2);
    }
    long positives = examples.filter(col(TrainingData.LABEL).equalTo(TrainingData.YES)).count();
    assertThat(positives).isEqualTo(KeywordRules.assign(papers, List.of(topic)).count());
    assertThat(TrainingData.train(examples).join(TrainingData.test(examples), "id").count()).isZero();
  }

  @Test
  void trainPositiveTermsInTitleAndAbstractMakePositivesOfPapersTheRuleLeftOut() {
    var plain = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"], "
        + "\"related\": [\"language model\"]}]}", "t").get(0);
    var withPositives = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"], "
        + "\"related\": [\"language model\"], \"train_positive\": [\"language model\"]}]}",
        "t").get(0);
    // The sample's papers saying "language model(s)" in title and abstract without the rule's "llm" in both.
    Dataset<Row> phrase = papers.filter(KeywordRules.trainPositive(withPositives))
        .join(KeywordRules.assign(papers, List.of(plain)).select("id"), "id", "left_anti");
    long extra = phrase.count();
    assertThat(extra).as("sample papers with the phrase in title and abstract but no rule match").isPositive();
    Dataset<Row> before = TrainingData.topic(papers, plain);
    Dataset<Row> after = TrainingData.topic(papers, withPositives);
    assertThat(before.join(phrase.select("id"), "id").count()).as("left out as neither").isZero();
    assertThat(after.join(phrase.select("id"), "id").filter(col(TrainingData.LABEL).equalTo(TrainingData.YES))
        .count()).isEqualTo(extra);
    long yesBefore = before.filter(col(TrainingData.LABEL).equalTo(TrainingData.YES)).count();
    assertThat(after.filter(col(TrainingData.LABEL).equalTo(TrainingData.YES)).count())
        .isEqualTo(yesBefore + extra);
    // A phrase in the title alone, or in the abstract alone, is not enough.
    Dataset<Row> oneField = papers.filter(org.apache.spark.sql.functions.lower(col("title")).contains("language model")
        .notEqual(org.apache.spark.sql.functions.lower(col("abstract")).contains("language model")));
    assertThat(oneField.count()).as("sample papers with the phrase in one field only").isPositive();
    assertThat(oneField.filter(KeywordRules.trainPositive(withPositives)).count()).isZero();
    assertThat(papers.filter(KeywordRules.trainPositive(plain)).count()).as("no terms: no paper").isZero();
  }

  @Test
  void aTopicModelLearnsTheContextOfItsMaskedKeywordAndSaysSo() {
    var topic = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"]}]}", "t").get(0);
    Trainer.Result r = Trainer.train(TrainingData.topic(papers, topic), SMALL, store(), "topic/llm", Map.of(),
        KeywordRules.includeMask(topic));
    assertThat(r.report().get("masked_from_text")).isEqualTo(KeywordRules.includeMask(topic));
    @SuppressWarnings("unchecked")
    var terms = (Map<String, List<Map<String, Object>>>) r.report().get("top_terms");
    assertThat(terms.get("positive")).hasSize(25);
    assertThat(terms.get("positive")).extracting(t -> (String) t.get("term"))
        .noneMatch(t -> t.matches("(?i).*\\bllms?\\b.*"));
    assertThat(r.metrics().forClass(TrainingData.YES).support()).isPositive();
    // Without seeing "llm", it still ranks the test split's llm papers well above the others.
    PipelineModel model = PipelineModel.load(r.dir() + "/model");
    int yes = java.util.Arrays.asList(Trainer.labels(model)).indexOf(TrainingData.YES);
    var meanScore = new java.util.HashMap<String, Double>();
    for (Row row : Trainer.predict(model, TrainingData.test(TrainingData.topic(papers, topic)))
        .select(col(TrainingData.LABEL), org.apache.spark.ml.functions.vector_to_array(col(Trainer.PROBABILITY),
            "float64").getItem(yes).as("p"))
        .groupBy(TrainingData.LABEL).avg("p").collectAsList()) {
      meanScore.put(row.getString(0), row.getDouble(1));
    }
    assertThat(meanScore.get(TrainingData.YES)).isGreaterThan(2 * meanScore.get(TrainingData.NO));
  }

  @Test
  void aSublinearTitleAuthorWeightedModelWithCategorySetsReloadsToTheSamePredictionsAndSets() {
    var params = new TrainParams(5000, 2, 25, 1e-3, 30, TrainParams.TermFrequency.SUBLINEAR, true, true, 0.5, 0.2);
    var kept = TrainStage.frequentCategories(papers, params.minClassSize());
    Dataset<Row> examples = TrainingData.category(papers, kept);
    Trainer.Result r = Trainer.train(examples, params, store(), "category", Map.of());
    PipelineModel loaded = PipelineModel.load(r.dir() + "/model");
    assertThat(loaded.stages()).hasAtLeastOneElementOfType(SublinearTf.class)
        .hasAtLeastOneElementOfType(CategorySets.class);
    assertThat(Metrics.of(Trainer.predict(loaded, TrainingData.test(examples)), TrainingData.LABEL,
        Trainer.PREDICTED_LABEL)).isEqualTo(r.metrics());
    List<Row> sets = Trainer.predict(loaded, TrainingData.test(examples))
        .select(col(Trainer.PREDICTED_LABEL), col(Trainer.PREDICTED_SET)).collectAsList();
    assertThat(sets).isNotEmpty().allSatisfy(row -> {
      List<String> set = row.getList(1);
      assertThat(set).isSorted().doesNotContain(TrainingData.OTHER);
      if (!TrainingData.OTHER.equals(row.getString(0))) {
        assertThat(set).contains(row.getString(0));
      }
    });
    assertThat(sets).as("some papers get a second category at 0.2").anyMatch(row -> row.getList(1).size() > 1);
    @SuppressWarnings("unchecked")
    var categories = (Map<String, Object>) r.report().get("categories");
    assertThat((Double) categories.get("micro_f1")).isBetween(0.3, 1.0);
    assertThat(r.report().get("parameters").toString()).contains("1 + ln(term count)").contains("title:word")
        .contains("author:first_last");
    var vocabulary = java.util.Arrays.stream(loaded.stages())
        .filter(st -> st instanceof org.apache.spark.ml.feature.CountVectorizerModel).findFirst()
        .map(st -> List.of(((org.apache.spark.ml.feature.CountVectorizerModel) st).vocabulary())).orElseThrow();
    assertThat(vocabulary).as("authors of two or more training papers are terms")
        .anyMatch(t -> t.startsWith(TextFeatures.AUTHOR_PREFIX)).anyMatch(t -> t.startsWith(TextFeatures.TITLE_PREFIX));
  }

  @Test
  void aValidationRunMeasuresOnTheValidationFoldAndSavesNothing() {
    var params = new TrainParams(5000, 2, 25, 1e-3, 30, TrainParams.TermFrequency.SUBLINEAR, false, false, 0, 0.3);
    var kept = TrainStage.frequentCategories(papers, params.minClassSize());
    Dataset<Row> examples = TrainingData.category(papers, kept);
    Map<String, Object> report = Trainer.validate(examples, params, "category", null);
    long validation = TrainingData.test(TrainingData.forValidation(examples)).count();
    assertThat(report.get("test_size")).isEqualTo(validation);
    assertThat(TrainingData.forValidation(examples).join(TrainingData.test(examples), "id").count())
        .as("no test paper in a validation run").isZero();
    @SuppressWarnings("unchecked")
    var byThreshold = (Map<String, Map<String, Object>>) report.get("categories_by_threshold");
    assertThat(byThreshold).containsKeys("0.1", "0.5");
    // A lower threshold predicts more categories: recall cannot fall.
    assertThat((Double) byThreshold.get("0.1").get("micro_recall"))
        .isGreaterThanOrEqualTo((Double) byThreshold.get("0.5").get("micro_recall"));
    assertThat(dir.resolve("models")).doesNotExist();
  }

  @Test
  void labelledPapersTrainTheTopicModelWithTheirHumanLabelWhateverTheKeywordsSay() {
    var topic = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"], "
        + "\"related\": [\"language model\"]}]}", "t").get(0);
    Dataset<Row> plain = TrainingData.topic(papers, topic);
    // A keyword positive labelled no, and a paper left out as ambiguous (mentions "language model") labelled yes.
    String positive = plain.filter(col(TrainingData.LABEL).equalTo(TrainingData.YES)).orderBy("id").first()
        .getString(0);
    String ambiguous = papers.filter(KeywordRules.mentions(topic)).join(plain, "id",
        "left_anti").orderBy("id").first().getString(0);
    var schema = new org.apache.spark.sql.types.StructType().add("id", "string").add("label", "string");
    Dataset<Row> labels = TestSpark.session().createDataFrame(List.of(
        org.apache.spark.sql.RowFactory.create(positive, "no"),
        org.apache.spark.sql.RowFactory.create(ambiguous, "yes")), schema);
    Dataset<Row> examples = TrainingData.topicWithLabels(papers, topic, labels, 1.0);
    assertThat(examples.count()).isEqualTo(plain.count() + 1);
    Map<String, Row> byId = new java.util.HashMap<>();
    for (Row r : examples.filter(col("id").isin(positive, ambiguous)).collectAsList()) {
      assertThat(byId.put(r.getString(0), r)).as("one example per labelled paper").isNull();
    }
    assertThat(byId.get(positive).<String>getAs(TrainingData.LABEL)).isEqualTo(TrainingData.NO);
    assertThat(byId.get(ambiguous).<String>getAs(TrainingData.LABEL)).isEqualTo(TrainingData.YES);
    assertThat(byId.values()).allSatisfy(r -> assertThat(r.<Boolean>getAs(TrainingData.IS_TEST)).isFalse());
    // Weighted: the labelled papers count as 20 rule examples each, the others as one.
    Dataset<Row> weighted = TrainingData.topicWithLabels(papers, topic, labels, 20);
    assertThat(weighted.filter(col("id").isin(positive, ambiguous)).select(Trainer.EXAMPLE_WEIGHT).distinct()
        .collectAsList()).extracting(r -> r.getDouble(0)).containsExactly(20.0);
    assertThat(weighted.filter(col(Trainer.EXAMPLE_WEIGHT).notEqual(1.0)).count()).isEqualTo(2);
  }
}
