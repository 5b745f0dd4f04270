package org.arxivdigest.classify.tfidf;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.zip_with;

import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * All the categories a paper is about, from a multinomial model's probabilities: its top class and every other
 * class whose probability reaches {@code threshold}, the pooled {@value TrainingData#OTHER} class left out, sorted.
 * A paper cross-listed in cs.CL and cs.LG gets both when the text supports both. The last stage of the saved
 * category model, so the threshold chosen on the validation fold travels with it.
 */
public final class CategorySets extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  // Made in the constructor, after the uid they belong to (as in SublinearTf).
  private final StringArrayParam labels;
  private final DoubleParam threshold;
  private final Param<String> probabilityCol;
  private final Param<String> predictionCol;
  private final Param<String> outputCol;

  public CategorySets() {
    this(Identifiable.randomUID("categorySets"));
  }

  public CategorySets(String uid) {
    this.uid = uid;
    this.labels = new StringArrayParam(this, "labels", "the class of each probability, in the model's order");
    this.threshold = new DoubleParam(this, "threshold",
        "a class beside the top one is predicted when its probability reaches this");
    this.probabilityCol = new Param<>(this, "probabilityCol", "class probabilities");
    this.predictionCol = new Param<>(this, "predictionCol", "index of the top class");
    this.outputCol = new Param<>(this, "outputCol", "the predicted classes, sorted");
  }

  public static MLReader<CategorySets> read() {
    return new DefaultParamsReader<>();
  }

  public static CategorySets load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  public StringArrayParam labels() {
    return labels;
  }

  public DoubleParam threshold() {
    return threshold;
  }

  public Param<String> probabilityCol() {
    return probabilityCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public CategorySets setLabels(String[] value) {
    set(labels, value);
    return this;
  }

  public CategorySets setThreshold(double value) {
    set(threshold, value);
    return this;
  }

  public CategorySets setProbabilityCol(String value) {
    set(probabilityCol, value);
    return this;
  }

  public CategorySets setPredictionCol(String value) {
    set(predictionCol, value);
    return this;
  }

  public CategorySets setOutputCol(String value) {
    set(outputCol, value);
    return this;
  }

  /** The sets of {@code labels} (one per probability), thresholded at {@code threshold}: built-in functions only. */
  public static Column sets(Column probability, Column topIndex, String[] labels, double threshold) {
    Column names = array(Arrays.stream(labels).map(l -> lit(l)).toArray(Column[]::new));
    Column above = zip_with(names, vector_to_array(probability, "float64"),
        (l, p) -> when(p.geq(lit(threshold)).and(l.notEqual(lit(TrainingData.OTHER))), l));
    // get(): null outside the array (an index no class has), never an error.
    Column top = org.apache.spark.sql.functions.get(names, topIndex.cast(DataTypes.IntegerType));
    Column topNamed = when(top.notEqual(lit(TrainingData.OTHER)), top);
    return array_sort(array_compact(array_union(array(topNamed), above)));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    return dataset.withColumn($(outputCol), sets(col($(probabilityCol)), col($(predictionCol)), $(labels),
        (Double) $(threshold)));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    for (Param<String> in : java.util.List.of(probabilityCol, predictionCol)) {
      if (!Arrays.asList(schema.fieldNames()).contains($(in))) {
        throw new IllegalArgumentException("CategorySets: no column " + $(in));
      }
    }
    return schema.add($(outputCol), DataTypes.createArrayType(DataTypes.StringType, false), false);
  }

  @Override
  public CategorySets copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}
