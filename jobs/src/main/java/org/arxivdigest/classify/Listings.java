package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.transform;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.normalize.Authors;
import org.arxivdigest.schema.Schemas;

/**
 * The entries of the digest pages: each assigned paper joined to its versions, as the topic's listing mode says,
 * with the newest metadata of the paper: title, abstract, comments, categories and authors (names in order,
 * "Forenames Keyname Suffix", from {@code authors_parsed}).
 */
public final class Listings {
  private Listings() {}

  private static final String MODE = "_listing";
  private static final String CHOSEN_METHOD = "_method";
  private static final String FIRST_NUMBER = "_first_version";
  private static final String LAST_NUMBER = "_last_version";
  private static final StructType TOPIC_MODES = new StructType()
      .add(TOPIC, DataTypes.StringType, false)
      .add(MODE, DataTypes.StringType, false)
      .add(CHOSEN_METHOD, DataTypes.StringType, false);

  /** The arXiv page of one version, as the sites link it. */
  public static Column link(Column id, Column version) {
    return concat(lit("http://arxiv.org/abs/"), id, lit("v"), version.cast(DataTypes.StringType));
  }

  /**
   * Assignments (those of the method each topic chose) x papers x versions to listing rows in
   * {@link Schemas#LISTINGS} order.
   * {@code versions}: every version in its own month; {@code latest}: the newest version; {@code new}: the first.
   */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> assignments, Dataset<Row> papers,
                                   Dataset<Row> versions, List<Topic> topics) {
    var modes = new ArrayList<Row>();
    for (Topic t : topics) {
      modes.add(RowFactory.create(t.slug(), t.listing().name().toLowerCase(Locale.ROOT), t.method().code()));
    }
    Dataset<Row> topicModes = spark.createDataFrame(modes, TOPIC_MODES);
    // By number, not by time: v2 is newer than v1 even when two versions share a timestamp or v2 is dated before
    // v1 (it happens in the dump); the date only places a version in its month. Numbers may have gaps (v1, v3).
    Column numbers = transform(col(VERSIONS), v -> v.getField(VERSION));
    Dataset<Row> paperText = papers.select(col(ID), col(TITLE), col(ABSTRACT), col(COMMENTS), col(PRIMARY_CATEGORY),
        col(CATEGORIES), Authors.names(col(AUTHORS_PARSED)).as(AUTHORS),
        array_min(numbers).as(FIRST_NUMBER), array_max(numbers).as(LAST_NUMBER));
    Column mode = col(MODE);
    Column wanted = mode.equalTo(lit("versions"))
        .or(mode.equalTo(lit("latest")).and(col(VERSION).equalTo(col(LAST_NUMBER))))
        .or(mode.equalTo(lit("new")).and(col(VERSION).equalTo(col(FIRST_NUMBER))));
    Dataset<Row> chosen = assignments
        .join(broadcast(topicModes), TOPIC)
        .filter(col(METHOD).equalTo(col(CHOSEN_METHOD)));
    // Only the assigned papers' text goes through the join's shuffle: a broadcast semi-join on their ids (a few
    // bytes per assigned paper) drops the others where they are read, so most of the corpus never leaves its scan.
    Dataset<Row> assignedText = paperText.join(broadcast(chosen.select(ID).distinct()), List.of(ID).toArray(
        String[]::new), "left_semi");
    return chosen
        .join(assignedText, ID)
        .join(versions.select(ID, VERSION, SUBMITTED_AT, SUBMITTED_DATE, MONTH), ID)
        .filter(wanted)
        .withColumn(DATE, col(SUBMITTED_DATE))
        .withColumn(LINK, link(col(ID), col(VERSION)))
        .select(Schemas.columns(Schemas.LISTINGS));
  }
}
