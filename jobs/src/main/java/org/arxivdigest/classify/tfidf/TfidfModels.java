package org.arxivdigest.classify.tfidf;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.get;
import static org.arxivdigest.schema.Columns.ARCHIVE_SCORE;
import static org.arxivdigest.schema.Columns.CATEGORIES;
import static org.arxivdigest.schema.Columns.CATEGORY_SCORE;
import static org.arxivdigest.schema.Columns.DECLARED_ARCHIVE;
import static org.arxivdigest.schema.Columns.DECLARED_CATEGORY_SCORE;
import static org.arxivdigest.schema.Columns.PREDICTED_ARCHIVE;
import static org.arxivdigest.schema.Columns.PREDICTED_CATEGORY;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.PRIMARY_CATEGORY;
import static org.arxivdigest.schema.Columns.SCORE;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.Arrays;
import org.arxivdigest.normalize.Categories;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.schema.Schemas;

/** Applies saved models to papers: topic scores and predicted categories, with the score of each prediction. */
public final class TfidfModels {
  private TfidfModels() {}

  /** Probability of the class {@code label}, or null when the model does not know that class. */
  static Column probabilityOf(PipelineModel model, Column label) {
    String[] labels = Trainer.labels(model);
    Column index = lit(-1);
    for (int i = labels.length - 1; i >= 0; i--) {
      index = org.apache.spark.sql.functions.when(label.equalTo(lit(labels[i])), lit(i)).otherwise(index);
    }
    // get() is 0-based and gives null outside the array, so an unknown label (-1) has no probability.
    return get(vector_to_array(col(Trainer.PROBABILITY), "float64"), index);
  }

  private static Dataset<Row> withText(Dataset<Row> papers) {
    return papers.withColumn(TextFeatures.TEXT, TextFeatures.text())
        .withColumn(TextFeatures.TITLE_TEXT, TextFeatures.titleText())
        .withColumn(TextFeatures.AUTHOR_TERMS, TextFeatures.authorTerms());
  }

  /** (topic, id, score): the model's probability that each candidate paper of the topic belongs to it. */
  public static Dataset<Row> topicScores(Dataset<Row> papers, Topic topic, PipelineModel model) {
    int yes = Arrays.asList(Trainer.labels(model)).indexOf(TrainingData.YES);
    Dataset<Row> candidates = withText(papers.filter(KeywordRules.categoryAllowed(topic, col(CATEGORIES)))
        .select(ID, Columns.TITLE, Columns.ABSTRACT, Columns.AUTHORS_PARSED));
    return model.transform(candidates).select(
        lit(topic.slug()).as(TOPIC), col(ID),
        get(vector_to_array(col(Trainer.PROBABILITY), "float64"), lit(yes)).as(SCORE));
  }

  /**
   * Per paper ({@link Schemas#PREDICTIONS}): declared primary category and archive, the predicted ones with their
   * probability, and the probability the model gives the declared category (low: the text disagrees with it).
   */
  public static Dataset<Row> predictions(Dataset<Row> papers, PipelineModel category, PipelineModel archive) {
    Dataset<Row> base = withText(papers.select(ID, Columns.TITLE, Columns.ABSTRACT, Columns.AUTHORS_PARSED,
            PRIMARY_CATEGORY))
        .withColumn(DECLARED_ARCHIVE, Categories.archive(col(PRIMARY_CATEGORY)));
    Dataset<Row> out = base.select(ID, PRIMARY_CATEGORY, DECLARED_ARCHIVE, TextFeatures.TEXT, TextFeatures.TITLE_TEXT,
        TextFeatures.AUTHOR_TERMS);
    if (category != null) {
      Column[] kept = {col(ID), col(PRIMARY_CATEGORY), col(DECLARED_ARCHIVE), col(TextFeatures.TEXT),
          col(TextFeatures.TITLE_TEXT), col(TextFeatures.AUTHOR_TERMS),
          col(Trainer.PREDICTED_LABEL).as(PREDICTED_CATEGORY),
          array_max(vector_to_array(col(Trainer.PROBABILITY), "float64")).as(CATEGORY_SCORE),
          probabilityOf(category, col(PRIMARY_CATEGORY)).as(DECLARED_CATEGORY_SCORE)};
      // A model trained before the sets existed has none: the loop below leaves the column null.
      out = Trainer.predict(category, out).select(hasSets(category)
          ? concat(kept, col(Trainer.PREDICTED_SET).as(Columns.PREDICTED_CATEGORIES)) : kept);
    }
    if (archive != null) {
      Column[] keep = Arrays.stream(out.columns()).map(c -> col(c)).toArray(Column[]::new);
      out = Trainer.predict(archive, out).select(concat(keep, col(Trainer.PREDICTED_LABEL).as(PREDICTED_ARCHIVE),
          array_max(vector_to_array(col(Trainer.PROBABILITY), "float64")).as(ARCHIVE_SCORE)));
    }
    // The columns of a model not given stay null: the dataset has one schema whichever models there are.
    for (var field : Schemas.PREDICTIONS.fields()) {
      if (!Arrays.asList(out.columns()).contains(field.name())) {
        out = out.withColumn(field.name(), lit(null).cast(field.dataType()));
      }
    }
    return out.select(Schemas.columns(Schemas.PREDICTIONS));
  }

  /** Whether a category model predicts sets of categories (models trained before issue 25 do not). */
  static boolean hasSets(PipelineModel model) {
    return Arrays.stream(model.stages()).anyMatch(CategorySets.class::isInstance);
  }

  private static Column[] concat(Column[] first, Column... more) {
    Column[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
