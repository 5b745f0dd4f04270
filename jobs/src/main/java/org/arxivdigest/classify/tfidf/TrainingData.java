package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.CATEGORIES;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.PRIMARY_CATEGORY;

import java.util.List;
import java.util.Set;
import org.arxivdigest.normalize.Categories;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;

/** Papers to labelled examples (id, text, label, is_test) for each kind of model. */
public final class TrainingData {
  private TrainingData() {}

  public static final String LABEL = "label";
  public static final String IS_TEST = "is_test";
  public static final String OTHER = "other";
  public static final String YES = "yes";
  public static final String NO = "no";

  private static Dataset<Row> examples(Dataset<Row> papers, Column label) {
    return papers
        .filter(col(PRIMARY_CATEGORY).isNotNull())
        .select(col(ID), TextFeatures.text().as(TextFeatures.TEXT),
            TextFeatures.titleText().as(TextFeatures.TITLE_TEXT),
            TextFeatures.authorTerms().as(TextFeatures.AUTHOR_TERMS),
            label.as(LABEL), Split.isTest(col(ID)).as(IS_TEST),
            col(CATEGORIES));
  }

  /** The primary category; categories outside {@code kept} become {@value #OTHER}. */
  public static Dataset<Row> category(Dataset<Row> papers, Set<String> kept) {
    Column c = col(PRIMARY_CATEGORY);
    return examples(papers, when(c.isin(kept.toArray()), c).otherwise(lit(OTHER)));
  }

  /** The primary archive: cs.CL is cs, hep-th is hep-th. */
  public static Dataset<Row> archive(Dataset<Row> papers) {
    return examples(papers, Categories.archive(col(PRIMARY_CATEGORY)));
  }

  /** The abstracts CSV of the Kaggle "arXiv Paper Abstracts" dataset: titles, summaries, terms (a Python list). */
  public static final org.apache.spark.sql.types.StructType ABSTRACTS_CSV = new org.apache.spark.sql.types.StructType()
      .add("titles", org.apache.spark.sql.types.DataTypes.StringType)
      .add("summaries", org.apache.spark.sql.types.DataTypes.StringType)
      .add("terms", org.apache.spark.sql.types.DataTypes.StringType);

  /**
   * Archive examples from the abstracts CSV, which has no ids: the title stands in for the id, so the split is by a
   * hash of the title. The first listed term is taken as the primary category.
   */
  public static Dataset<Row> archiveFromAbstractsCsv(org.apache.spark.sql.SparkSession spark, String path) {
    Dataset<Row> csv = spark.read().schema(ABSTRACTS_CSV).option("header", "true").option("multiLine", "true")
        .option("escape", "\"").csv(path);
    Column firstTerm = org.apache.spark.sql.functions.regexp_extract(col("terms"), "^\\[\\s*'([^']+)'", 1);
    Column title = org.arxivdigest.normalize.Text.collapse(col("titles"));
    return csv
        .filter(firstTerm.notEqual(lit("")).and(title.isNotNull()))
        .select(title.as(ID),
            org.apache.spark.sql.functions.concat_ws(" ", title, org.arxivdigest.normalize.Text.collapse(
                col("summaries"))).as(TextFeatures.TEXT),
            title.as(TextFeatures.TITLE_TEXT),
            TextFeatures.noAuthorTerms().as(TextFeatures.AUTHOR_TERMS),
            Categories.archive(firstTerm).as(LABEL),
            Split.isTest(title).as(IS_TEST),
            org.apache.spark.sql.functions.array(firstTerm).as(CATEGORIES));
  }

  /**
   * The papers a topic could hold (a category the topic allows), labelled {@value #YES} when the keyword rule
   * assigns them or a {@code train_positive} term is in their title and abstract ({@link
   * KeywordRules#trainPositive}), {@value #NO} when they mention none of the topic's include or related terms.
   * Papers that mention one without meeting the rule (e.g. "LLMs" in the abstract only, "large language models")
   * are left out of both splits: they are often on topic, and teaching the model that they are not is what makes it
   * miss what the keywords miss.
   */
  public static Dataset<Row> topic(Dataset<Row> papers, Topic topic) {
    // The positives come from the same papers: a distinct column name keeps the self-join unambiguous.
    String positiveId = "_positive_id";
    Dataset<Row> positives = KeywordRules.assign(papers, List.of(topic)).select(col(ID).as(positiveId));
    Dataset<Row> candidates = papers.filter(KeywordRules.categoryAllowed(topic, col(CATEGORIES)));
    Column positive = col(positiveId).isNotNull().or(KeywordRules.trainPositive(topic));
    return examples(candidates.join(positives, col(ID).equalTo(col(positiveId)), "left")
            .filter(positive.or(not(KeywordRules.mentions(topic)))),
        when(positive, lit(YES)).otherwise(lit(NO)));
  }

  /**
   * {@link #topic} with human labels as training data: each labelled paper (of the topic's categories) is an example
   * with its label and in the training split, whatever the keyword rule says of it or whether it mentions a related
   * term; it is no longer an example of its own otherwise. Labelled positives the rule misses are what teaches the
   * model beyond the keywords. Each weighs {@code labelWeight} papers of the keyword rule's
   * ({@link Trainer#EXAMPLE_WEIGHT}): a few hundred read papers against thousands of rule matches would otherwise
   * change little.
   *
   * @param labels (id, label yes/no): the labels to train on (not those figures are reported on)
   */
  public static Dataset<Row> topicWithLabels(Dataset<Row> papers, Topic topic, Dataset<Row> labels,
                                             double labelWeight) {
    Dataset<Row> labelled = papers.filter(KeywordRules.categoryAllowed(topic, col(CATEGORIES)))
        .join(labels.select(col(ID), col(Labels.LABEL).as("_human")), ID);
    Dataset<Row> human = examples(labelled, col("_human")).withColumn(IS_TEST, lit(false))
        .withColumn(Trainer.EXAMPLE_WEIGHT, lit(labelWeight));
    return topic(papers, topic).join(labels.select(ID), ID, "left_anti")
        .withColumn(Trainer.EXAMPLE_WEIGHT, lit(1.0)).unionByName(human);
  }

  /**
   * The examples of a validation run: the test split left out altogether, and the training split's fold
   * {@code pmod(xxhash64(id), 5) == 1} standing in as its test split, so that choices are made on papers the final
   * model's test figures never come from.
   */
  public static Dataset<Row> forValidation(Dataset<Row> examples) {
    return examples.filter(not(col(IS_TEST))).withColumn(IS_TEST, Split.isValidation(col(ID)));
  }

  public static Dataset<Row> train(Dataset<Row> examples) {
    return examples.filter(not(col(IS_TEST)));
  }

  public static Dataset<Row> test(Dataset<Row> examples) {
    return examples.filter(col(IS_TEST));
  }
}
