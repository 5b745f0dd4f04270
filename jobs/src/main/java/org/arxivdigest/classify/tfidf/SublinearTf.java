package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Sublinear term frequency: each non-zero count {@code tf} of a term-count vector becomes {@code 1 + ln(tf)}, as
 * scikit-learn's {@code TfidfVectorizer(sublinear_tf=True)} does; zeros stay zero. MLlib's {@code CountVectorizer}
 * gives raw counts or 0/1 only, so this is a stage of its own between it and {@code IDF}, saved and loaded with the
 * pipeline (its only state is its two column names).
 *
 * <p>A UDF, since no built-in function maps a vector's values; it touches only the stored non-zeros.
 */
public final class SublinearTf extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  // Made in the constructor, after the uid they belong to (a field initializer would run before it is set).
  private final Param<String> inputCol;
  private final Param<String> outputCol;

  public SublinearTf() {
    this(Identifiable.randomUID("sublinearTf"));
  }

  /** The constructor {@link DefaultParamsReader} calls when a saved pipeline is loaded. */
  public SublinearTf(String uid) {
    this.uid = uid;
    this.inputCol = new Param<>(this, "inputCol", "term counts (a vector column)");
    this.outputCol = new Param<>(this, "outputCol", "1 + ln(count) per non-zero term");
  }

  /** How {@code PipelineModel.load} finds the reader of a saved stage of this class. */
  public static MLReader<SublinearTf> read() {
    return new DefaultParamsReader<>();
  }

  public static SublinearTf load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public SublinearTf setInputCol(String value) {
    set(inputCol, value);
    return this;
  }

  public SublinearTf setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  /** {@code 1 + ln(tf)} of every non-zero of {@code counts}, the same indices. */
  public static Vector sublinear(Vector counts) {
    SparseVector sparse = counts.toSparse();
    double[] values = sparse.values().clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] > 0 ? 1 + Math.log(values[i]) : values[i];
    }
    return Vectors.sparse(sparse.size(), sparse.indices().clone(), values);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    UserDefinedFunction f = org.apache.spark.sql.functions.udf((UDF1<Vector, Vector>) SublinearTf::sublinear,
        new VectorUDT());
    return dataset.withColumn($(outputCol), f.apply(col($(inputCol))));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    StructField in = schema.apply($(inputCol));
    if (!(in.dataType() instanceof VectorUDT)) {
      throw new IllegalArgumentException("SublinearTf: column " + $(inputCol) + " is " + in.dataType()
          + ", not a vector");
    }
    if (java.util.Arrays.asList(schema.fieldNames()).contains($(outputCol))) {
      throw new IllegalArgumentException("SublinearTf: output column " + $(outputCol) + " already exists");
    }
    return schema.add(new StructField($(outputCol), new VectorUDT(), in.nullable(), in.metadata()));
  }

  @Override
  public SublinearTf copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
