package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.trim;
import static org.arxivdigest.schema.Columns.ID;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.core.UsageException;

/**
 * Human labels of a topic ({@code <dir>/<slug>.csv}: id, label yes/no, reason) and their two halves: the dev half
 * ({@link #isDev()}) chooses thresholds; the other half is for measuring, or, once a topic model is trained with
 * labels ({@code train --labels}), is training data, and figures are then reported on labels kept apart
 * ({@code evaluate --test-labels}).
 */
public final class Labels {
  private Labels() {}

  public static final String LABEL = "label";

  public static final StructType SCHEMA = new StructType()
      .add(ID, DataTypes.StringType)
      .add(LABEL, DataTypes.StringType)
      .add("reason", DataTypes.StringType);

  /** The labels file of a topic in {@code dir}. */
  public static String file(String dir, String slug) {
    return dir + "/" + slug + ".csv";
  }

  /** Dev half of the labels: a hash other than the train/test split's, so both halves mix all folds. */
  public static Column isDev() {
    return pmod(hash(col(ID)), lit(2)).equalTo(lit(0));
  }

  /** (id, label): the file's rows, trimmed, label lower-case; a row without an id or a yes/no label is an error. */
  public static Dataset<Row> read(SparkSession spark, String file) {
    Dataset<Row> labels = spark.read().schema(SCHEMA).option("header", "true").option("comment", "#")
        .option("multiLine", "true").csv(file)
        .select(trim(col(ID)).as(ID), lower(trim(col(LABEL))).as(LABEL));
    long bad = labels.filter(col(LABEL).isin("yes", "no").unary_$bang().or(col(ID).isNull())).count();
    if (bad > 0) {
      throw new UsageException(file + ": " + bad + " rows without an id or with a label other than yes/no");
    }
    return labels;
  }
}
