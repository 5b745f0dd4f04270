package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sublinear term frequency: its values, its place in a pipeline, and a saved pipeline reloading the same. */
class SublinearTfTest {
  @TempDir Path dir;

  @Test
  void eachNonZeroCountBecomesOnePlusItsLogAndZerosStayZero() {
    Vector v = SublinearTf.sublinear(Vectors.sparse(6, new int[] {0, 2, 5}, new double[] {1, 2, 10}));
    assertThat(v).isInstanceOf(SparseVector.class);
    assertThat(((SparseVector) v).indices()).containsExactly(0, 2, 5);
    double[] values = v.toArray();
    assertThat(values[0]).isEqualTo(1.0);
    assertThat(values[1]).isZero();
    assertThat(values[2]).isCloseTo(1 + Math.log(2), within(1e-12));
    assertThat(values[5]).isCloseTo(1 + Math.log(10), within(1e-12));
    // A dense input too: the same non-zeros, stored sparse.
    assertThat(SublinearTf.sublinear(Vectors.dense(0, 3)).toArray()).containsExactly(0, 1 + Math.log(3));
  }

  private static Dataset<Row> texts() {
    var schema = new StructType().add("words", DataTypes.createArrayType(DataTypes.StringType));
    return TestSpark.session().createDataFrame(List.of(
        RowFactory.create(List.of("graph", "graph", "graph", "neural")),
        RowFactory.create(List.of("graph", "language")),
        RowFactory.create(List.of("language", "language", "model"))), schema);
  }

  @Test
  void inAPipelineItWeighsCountsBeforeIdfAndASavedPipelineReloadsToTheSameVectors() throws Exception {
    var counts = new CountVectorizer().setInputCol("words").setOutputCol("counts");
    var tf = new SublinearTf().setInputCol("counts").setOutputCol("tf");
    var idf = new IDF().setInputCol("tf").setOutputCol("features");
    PipelineModel model = new Pipeline().setStages(new PipelineStage[] {counts, tf, idf}).fit(texts());
    List<Row> fitted = model.transform(texts()).select("counts", "tf", "features").collectAsList();
    Row first = fitted.get(0);
    Vector c = first.getAs("counts");
    Vector t = first.getAs("tf");
    for (int i = 0; i < c.size(); i++) {
      assertThat(t.apply(i)).isCloseTo(c.apply(i) == 0 ? 0 : 1 + Math.log(c.apply(i)), within(1e-12));
    }
    String path = dir.resolve("model").toString();
    model.write().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    assertThat(loaded.stages()[1]).isInstanceOf(SublinearTf.class);
    assertThat(((SublinearTf) loaded.stages()[1]).getOrDefault(((SublinearTf) loaded.stages()[1]).inputCol()))
        .isEqualTo("counts");
    assertThat(loaded.transform(texts()).select("counts", "tf", "features").collectAsList()).isEqualTo(fitted);
  }

  @Test
  void aColumnThatIsNotAVectorIsAClearError() {
    assertThatThrownBy(() -> new SublinearTf().setInputCol("words").setOutputCol("tf").transform(texts()))
        .hasMessageContaining("words").hasMessageContaining("not a vector");
  }
}
