package org.arxivdigest.io;

import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes a Parquet dataset beside its target and swaps it in only once Spark has written all of it. */
public final class DatasetWriter {
  private DatasetWriter() {}

  public static void replace(Dataset<Row> data, String target, String... partitionBy) {
    Path dest = new Path(target);
    String staged = new Path(dest.getParent(), "." + dest.getName() + ".staging").toString();
    var conf = data.sparkSession().sparkContext().hadoopConfiguration();
    HadoopFiles.deleteRecursively(conf, staged);
    data.write().mode(SaveMode.Overwrite).partitionBy(partitionBy).parquet(staged);
    HadoopFiles.replaceDirectory(conf, staged, target);
  }
}
