package org.arxivdigest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingCountsTest {
  @TempDir Path dir;

  @Test
  void monthCountsAndTopicPapersComeFromOneScanOfTheListings() {
    var schema = new StructType().add("topic", DataTypes.StringType).add("month", DataTypes.StringType)
        .add("id", DataTypes.StringType).add("version", DataTypes.IntegerType);
    var rows = List.of(
        // Paper a listed twice in 2025_04 (two versions) and again in 2025_03: one paper of llm, three entries.
        RowFactory.create("llm", "2025_04", "a", 2), RowFactory.create("llm", "2025_04", "a", 3),
        RowFactory.create("llm", "2025_04", "b", 1), RowFactory.create("llm", "2025_03", "a", 1),
        RowFactory.create("rag", "2025_04", "c", 1));
    String path = dir.resolve("listings").toString();
    TestSpark.session().createDataFrame(rows, schema).write().partitionBy("topic", "month").parquet(path);
    Dataset<Row> counts = ListingCounts.query(TestSpark.session().read().parquet(path));

    var got = new ArrayList<String>();
    for (Row r : counts.collectAsList()) {
      got.add(r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " " + r.getLong(3));
    }
    // Topic rows (month null) after the months, which come newest first.
    assertThat(got).containsExactly("llm 2025_04 2 3", "llm 2025_03 1 1", "llm null 2 4", "rag 2025_04 1 1",
        "rag null 1 1");
    // The plan that ran: one scan, its shuffle reused by the second aggregate.
    String plan = counts.queryExecution().executedPlan().toString();
    String ran = plan.substring(0, plan.indexOf("== Initial Plan =="));
    assertThat(ran.split("FileScan parquet", -1).length - 1).as(plan).isEqualTo(1);
    assertThat(ran).contains("ReusedExchange");
  }
}
