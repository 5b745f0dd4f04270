package org.arxivdigest.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.to_timestamp;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What Spark's own JSON path costs: the DuckDB anchor's query ({@link DuckDbAnchor}) as a bare Spark job in
 * {@code local[THREADS]}, with an explicit schema, repeated in one JVM (the first run pays JIT warm-up). Prints one
 * JSON line like the DuckDB anchor's.
 *
 * <p>{@code SparkAnchor FILE [THREADS] [REPEATS]}
 */
public final class SparkAnchor {
  private SparkAnchor() {}

  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType).add("title", DataTypes.StringType).add("abstract", DataTypes.StringType)
      .add("categories", DataTypes.StringType)
      .add("versions", DataTypes.createArrayType(new StructType()
          .add("version", DataTypes.StringType).add("created", DataTypes.StringType)));

  public static void main(String[] args) {
    String file = args[0];
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("bench anchor")
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    List<Double> seconds = new ArrayList<>();
    long months = 0;
    long versions = 0;
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      Dataset<Row> papers = spark.read().schema(SCHEMA).option("mode", "PERMISSIVE").json(file);
      List<Row> result = papers
          .filter(concat_ws(" ", col("title"), col("abstract")).rlike("(?i)\\bllms?\\b")
              .and(col("categories").rlike("(^|\\s)(cs|stat)\\.")))
          .select(explode(col("versions")).as("v"))
          .select(date_format(to_timestamp(
              // Spark 3+ does not parse the weekday: drop "Mon, " first.
              org.apache.spark.sql.functions.substring_index(col("v.created"), ", ", -1), "d MMM yyyy HH:mm:ss z"),
              "yyyy_MM").as("month"))
          .groupBy("month").count().collectAsList();
      seconds.add((System.nanoTime() - start) / 1e9);
      months = result.size();
      versions = result.stream().mapToLong(r -> r.getLong(1)).sum();
    }
    spark.stop();
    System.out.printf("{\"engine\": \"spark\", \"threads\": %d, \"seconds\": %s, \"months\": %d, \"versions\": %d}%n",
        threads, Json.list(seconds), months, versions);
  }
}
