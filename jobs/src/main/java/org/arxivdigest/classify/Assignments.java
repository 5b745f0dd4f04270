package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.FIELD;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.SCORE;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;

/** Assignments by model score, and the combination of keyword and model: each row says why. */
public final class Assignments {
  private Assignments() {}

  /** Each topic's threshold, as a column over {@code topic}. */
  static Column threshold(List<Topic> topics) {
    Column t = lit(null).cast(DataTypes.DoubleType);
    for (Topic topic : topics) {
      t = when(col(TOPIC).equalTo(lit(topic.slug())), lit(topic.threshold())).otherwise(t);
    }
    return t;
  }

  /** (topic, id, score) to assignments with method {@code tfidf}: papers scoring at or above the threshold. */
  public static Dataset<Row> tfidf(Dataset<Row> scores, List<Topic> topics) {
    return scores.filter(col(SCORE).geq(threshold(topics))).select(
        col(TOPIC), col(ID), lit(Topic.Method.TFIDF.code()).as(METHOD),
        lit(null).cast(DataTypes.StringType).as(TERM), lit(null).cast(DataTypes.StringType).as(FIELD), col(SCORE));
  }

  /**
   * Keyword OR score at or above the threshold, method {@code combined}; the keyword's term and field when it
   * matched, the model's score when the topic has one.
   */
  public static Dataset<Row> combined(Dataset<Row> keyword, Dataset<Row> scores, List<Topic> topics) {
    Dataset<Row> k = keyword.select(col(TOPIC), col(ID), col(TERM), col(FIELD));
    Dataset<Row> both = k.join(scores.select(TOPIC, ID, SCORE), List.of(TOPIC, ID).stream().toList()
        .toArray(String[]::new), "full_outer");
    return both.filter(col(TERM).isNotNull().or(coalesce(col(SCORE).geq(threshold(topics)), lit(false))))
        .select(col(TOPIC), col(ID), lit(Topic.Method.COMBINED.code()).as(METHOD), col(TERM), col(FIELD),
            col(SCORE));
  }
}
