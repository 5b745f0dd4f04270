package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.*;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.OutputLayout;
import org.arxivdigest.run.StageStamps;
import org.arxivdigest.run.Stages;
import org.arxivdigest.schema.Schemas;

/**
 * Wires the CSV extracts ({@code output/extracts/}): the three monthly aggregates and each topic's listing,
 * written whole into a staging folder and swapped in, so that a reader sees the old set or the new one.
 */
public final class ExtractStage {
  private ExtractStage() {}

  /** Its stamp ({@link StageStamps}): the CSVs come from these four datasets and topics, files as listed then. */
  static final String STAMP = "extracts";

  public static final String MONTHLY_TOPIC_STATS = "monthly_topic_stats";
  public static final String MONTHLY_CATEGORY_STATS = "monthly_category_stats";
  public static final String TRENDING_TERMS = "trending_terms";

  /** The file name (without .csv) of a topic's listing extract. */
  public static String listingFile(String topic) {
    return "listings_" + topic;
  }

  public static void run(SparkSession spark, OutputLayout out, List<Topic> topics, String runId, Stages stages) {
    var conf = spark.sparkContext().hadoopConfiguration();
    HadoopFiles.requireDataset(conf, out.listings(), "classify");
    HadoopFiles.requireDataset(conf, out.monthlyTopicStats(), "aggregate");
    HadoopFiles.requireDataset(conf, out.monthlyCategoryStats(), "aggregate");
    HadoopFiles.requireDataset(conf, out.trendingTerms(), "aggregate");
    String staging = out.root() + "/.extracts-staging-" + runId;
    List<String> inputs = List.of(out.listings(), out.monthlyTopicStats(), out.monthlyCategoryStats(),
        out.trendingTerms());
    String key = StageStamps.key(STAMP, inputs.stream().map(d -> StageStamps.content(conf, d)).toList(), topics);
    if (stages.skip(STAMP, StageStamps.matching(conf, out, STAMP, key, List.of(), List.of(out.extracts())))) {
      stages.summary().changed("extract_folders_written", 0);
      return;
    }
    StageStamps.clear(conf, out, STAMP);
    try {
      stages.run("publish.extracts", () -> {
        HadoopFiles.deleteRecursively(conf, staging);
        single(spark.read().schema(Schemas.MONTHLY_TOPIC_STATS).parquet(out.monthlyTopicStats()), Schemas.MONTHLY_TOPIC_STATS, MONTHLY_TOPIC_STATS,
            staging, col(TOPIC), col(MONTH), col(METHOD));
        single(spark.read().schema(Schemas.MONTHLY_CATEGORY_STATS)
            .parquet(out.monthlyCategoryStats()), Schemas.MONTHLY_CATEGORY_STATS,
            MONTHLY_CATEGORY_STATS, staging, col(CATEGORY), col(MONTH));
        single(spark.read().schema(Schemas.TRENDING_TERMS).parquet(out.trendingTerms()), Schemas.TRENDING_TERMS, TRENDING_TERMS, staging,
            col(TOPIC), col(MONTH), col(RANK));
        CsvFiles.write(spark.read().parquet(out.listings()), Schemas.LISTINGS, concat(lit("listings_"), col(TOPIC)),
            new Column[] {col(TOPIC), col(MONTH).desc(), col(DATE).desc(), col(SUBMITTED_AT).desc(),
                col(ID).desc(), col(VERSION).desc()},
            staging, topics.stream().map(t -> listingFile(t.slug())).toList());
        // Extracts already exactly there are left alone (bytes and modification times).
        boolean same = HadoopFiles.sameFiles(conf, staging, out.extracts());
        if (!same) {
          HadoopFiles.replaceDirectory(conf, staging, out.extracts());
        }
        stages.summary().changed("extract_folders_written", same ? 0 : 1);
        StageStamps.write(conf, out, STAMP, key, runId, List.of(), List.of(out.extracts()), Map.of());
        return Map.of("files", 3 + topics.size(), "changed", !same);
      });
    } finally {
      HadoopFiles.deleteRecursively(conf, staging);
    }
  }

  private static void single(Dataset<Row> rows, StructType schema, String name, String dir, Column... order) {
    CsvFiles.write(rows, schema, lit(name), order, dir, List.of(name));
  }
}
