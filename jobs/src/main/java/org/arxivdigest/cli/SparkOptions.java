package org.arxivdigest.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;

/** Options every Spark subcommand shares: where output goes and where Spark runs. */
public class SparkOptions {
  @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
      description = "Output root (local path, hdfs:// or s3a://). Default: ${DEFAULT-VALUE}")
  String output;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077. Default: the one spark-submit set, "
          + "else local[*].")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "A Spark configuration for this run (repeatable), e.g. --conf spark.sql.shuffle.partitions=64.")
  Map<String, String> confs = new LinkedHashMap<>();

  private static final String HADOOP_PREFIX = "spark.hadoop.";

  /**
   * A Hadoop configuration for work done before Spark starts (listing inputs, reading the topic config), with the
   * {@code --conf spark.hadoop.*} settings (S3 credentials, say) applied as Spark would.
   */
  Configuration hadoopConf() {
    var conf = new Configuration();
    if (org.arxivdigest.spark.Sessions.isLocal(org.arxivdigest.spark.Sessions.resolveMaster(master,
        System.getProperty("spark.master")))) {
      org.arxivdigest.spark.Sessions.localHadoopSettings().forEach(conf::set);
    }
    confs.forEach((key, value) -> {
      if (key.startsWith(HADOOP_PREFIX)) {
        conf.set(key.substring(HADOOP_PREFIX.length()), value);
      }
    });
    return conf;
  }
}
