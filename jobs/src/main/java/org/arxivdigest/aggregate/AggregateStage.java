package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.publish.MonthRange;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Columns;

/**
 * Wires the aggregates: reads what ingest and classify wrote, writes the three monthly datasets partitioned by
 * month with dynamic partition overwrite, so that a backfill ({@code --from/--to}) rewrites only its months.
 * Trending terms of a month read the earlier months too, whatever the range.
 */
public final class AggregateStage {
  private AggregateStage() {}

  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, MonthRange range,
                         Stages stages) {
    var conf = spark.sparkContext().hadoopConfiguration();
    HadoopFiles.requireDataset(conf, out.papers(), "ingest");
    HadoopFiles.requireDataset(conf, out.versions(), "ingest");
    HadoopFiles.requireDataset(conf, out.assignments(), "classify");
    HadoopFiles.requireDataset(conf, out.listings(), "classify");
    Dataset<Row> papers = spark.read().parquet(out.papers());
    Dataset<Row> versions = spark.read().parquet(out.versions());
    Dataset<Row> assignments = spark.read().parquet(out.assignments());
    Dataset<Row> listings = spark.read().parquet(out.listings());
    var inRange = range.filter(col(Columns.MONTH));

    stages.run("aggregate.topic_stats", () -> {
      DatasetWriter.overwriteMonths(Aggregates.monthlyTopicStats(spark, assignments, papers,
          versions.filter(inRange), listings.filter(inRange), topics), out.monthlyTopicStats(), range);
      return Map.of();
    });
    stages.run("aggregate.category_stats", () -> {
      DatasetWriter.overwriteMonths(Aggregates.monthlyCategoryStats(papers, versions.filter(inRange)),
          out.monthlyCategoryStats(), range);
      return Map.of();
    });
    stages.run("aggregate.trending_terms", () -> {
      DatasetWriter.overwriteMonths(Aggregates.trendingTerms(listings, papers).filter(inRange),
          out.trendingTerms(), range);
      return Map.of();
    });
  }
}
