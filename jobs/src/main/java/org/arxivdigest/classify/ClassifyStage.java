package org.arxivdigest.classify;

import static org.apache.spark.sql.functions.col;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.TOPIC;
import static org.arxivdigest.schema.Columns.VERSION;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.listing.Listings;
import org.arxivdigest.run.Stages;

/** Wires classification: papers to topic assignments, then assignments to the listings the pages show. */
public final class ClassifyStage {
  private ClassifyStage() {}

  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, Stages stages) {
    stages.run("classify.keyword", () -> {
      Dataset<Row> papers = spark.read().parquet(out.papers());
      Dataset<Row> assignments = KeywordRules.assign(papers, topics)
          .repartition(col(TOPIC))
          .sortWithinPartitions(TOPIC, ID, METHOD);
      DatasetWriter.replace(assignments, out.assignments(), TOPIC);
      return counts("assignments", countByTopic(spark.read().parquet(out.assignments())));
    });
    stages.run("classify.listings", () -> {
      Dataset<Row> listings = Listings.build(spark, spark.read().parquet(out.assignments()),
              spark.read().parquet(out.papers()), spark.read().parquet(out.versions()), topics)
          .repartition(col(TOPIC), col(MONTH))
          .sortWithinPartitions(TOPIC, MONTH, ID, VERSION, SUBMITTED_AT);
      DatasetWriter.replace(listings, out.listings(), TOPIC, MONTH);
      return counts("listed", countByTopic(spark.read().parquet(out.listings())));
    });
  }

  private static Map<String, Long> countByTopic(Dataset<Row> data) {
    var counts = new TreeMap<String, Long>();
    for (Row r : data.groupBy(TOPIC).count().collectAsList()) {
      counts.put(r.getString(0), r.getLong(1));
    }
    return counts;
  }

  private static Map<String, Object> counts(String key, Map<String, Long> byTopic) {
    var map = new LinkedHashMap<String, Object>();
    map.put(key, byTopic.values().stream().mapToLong(Long::longValue).sum());
    map.put(key + "_by_topic", byTopic);
    return map;
  }
}
