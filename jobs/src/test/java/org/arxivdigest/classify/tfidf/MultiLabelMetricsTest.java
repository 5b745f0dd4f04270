package org.arxivdigest.classify.tfidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/** Sets of categories per paper: how they are predicted from probabilities, and their micro- and macro-F1. */
class MultiLabelMetricsTest {
  private static final StructType SETS = new StructType()
      .add("actual", DataTypes.createArrayType(DataTypes.StringType))
      .add("predicted", DataTypes.createArrayType(DataTypes.StringType));

  @Test
  void microAndMacroF1OfAHandMadeCaseAsScikitLearnWouldGiveThem() {
    // A: tp 2 (p1, p2), fp 1 (p4): F1 0.8. B: tp 1 (p3), fp 1 (p2), fn 1 (p1): F1 0.5. C: fn 1 (p4): F1 0.
    // math.CO is no class of the model: neither right nor wrong.
    Dataset<Row> sets = TestSpark.session().createDataFrame(List.of(
        RowFactory.create(List.of("A", "B"), List.of("A")),
        RowFactory.create(List.of("A"), List.of("A", "B")),
        RowFactory.create(List.of("B", "math.CO"), List.of("B")),
        RowFactory.create(List.of("C"), List.of("A", "math.CO"))), SETS);
    MultiLabelMetrics m = MultiLabelMetrics.of(sets, "actual", "predicted", List.of("A", "B", "C"));
    assertThat(m.papers()).isEqualTo(4);
    assertThat(m.classes()).extracting(MultiLabelMetrics.ClassCounts::label).containsExactly("A", "B", "C");
    assertThat(m.classes().get(0).f1()).isCloseTo(0.8, within(1e-12));
    assertThat(m.classes().get(1).f1()).isCloseTo(0.5, within(1e-12));
    assertThat(m.classes().get(2).f1()).isZero();
    // micro: tp 3, fp 2, fn 2.
    assertThat(m.microPrecision()).isCloseTo(0.6, within(1e-12));
    assertThat(m.microRecall()).isCloseTo(0.6, within(1e-12));
    assertThat(m.microF1()).isCloseTo(0.6, within(1e-12));
    assertThat(m.macroF1()).isCloseTo((0.8 + 0.5 + 0) / 3, within(1e-12));
  }

  @Test
  void aClassNobodyHasNorPredictsIsLeftOutOfTheMacroMean() {
    var m = MultiLabelMetrics.of(2, List.of(new MultiLabelMetrics.ClassCounts("A", 2, 0, 0),
        new MultiLabelMetrics.ClassCounts("D", 0, 0, 0)));
    assertThat(m.macroF1()).isEqualTo(1.0);
    assertThat(m.microF1()).isEqualTo(1.0);
  }

  @Test
  void theSetIsTheTopClassAndEveryNamedClassAtTheThresholdWithoutOther() {
    var schema = new StructType().add("probability", new VectorUDT()).add("prediction", DataTypes.DoubleType);
    String[] labels = {"cs.AI", "cs.CL", "cs.LG", "other"};
    Dataset<Row> rows = TestSpark.session().createDataFrame(List.of(
        RowFactory.create(Vectors.dense(0.5, 0.3, 0.2, 0.0), 0.0),
        RowFactory.create(Vectors.dense(0.05, 0.05, 0.1, 0.8), 3.0),
        RowFactory.create(Vectors.dense(0.29, 0.31, 0.4, 0.0), 2.0),
        // The indexer's extra class for unseen labels: one more probability than labels.
        RowFactory.create(Vectors.dense(0.1, 0.6, 0.0, 0.0, 0.3), 1.0)), schema);
    List<Row> sets = rows.select(CategorySets.sets(rows.col("probability"), rows.col("prediction"), labels, 0.3)
        .as("sets")).collectAsList();
    assertThat(sets).extracting(r -> r.getList(0)).containsExactly(List.of("cs.AI", "cs.CL"), List.of(),
        List.of("cs.CL", "cs.LG"), List.of("cs.CL"));
  }
}
