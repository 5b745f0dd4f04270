package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;

/**
 * The deterministic train/test split: a paper is in the test fifth when {@code pmod(xxhash64(id), 5) == 0}; choices
 * (parameters, thresholds) are made on the validation fifth ({@code == 1}) with the test fifth left out.
 */
public final class Split {
  private Split() {}

  public static Column isTest(Column id) {
    return pmod(xxhash64(id), lit(5)).equalTo(lit(0));
  }

  /** The validation fold, taken from the training split: {@code pmod(xxhash64(id), 5) == 1}. */
  public static Column isValidation(Column id) {
    return pmod(xxhash64(id), lit(5)).equalTo(lit(1));
  }
}
