package org.arxivdigest.cli;

import org.arxivdigest.core.UsageException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.arxivdigest.spark.Sessions;
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

  /** Settings the job chose for this run (sized from its input); any --conf of the user wins over them. */
  private final Map<String, String> sized = new LinkedHashMap<>();

  /** Sizes the embedded run's shuffle partitions for {@code inputBytes} ({@link Sessions#shufflePartitions}). */
  void sizeFor(long inputBytes) {
    int partitions = Sessions.shufflePartitions(Sessions.effectiveMaster(master), inputBytes);
    if (partitions > 0) {
      sized.put(Sessions.SHUFFLE_PARTITIONS, String.valueOf(partitions));
    }
  }

  /** The Spark settings of this run: the job's sized ones, then the user's --conf over them. */
  Map<String, String> confs() {
    var all = new LinkedHashMap<>(sized);
    all.putAll(confs);
    return all;
  }

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

  /** The masters Spark knows: local[...], local-cluster[...], spark://, yarn, k8s://. */
  private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
      "local(\\[(\\d+|\\*)(,\\d+)?])?|local-cluster\\[\\d+,\\d+,\\d+]|spark://\\S+|yarn|k8s://\\S+");

  /**
   * Usage errors found before Spark starts: a master Spark does not know, an output root that is a file.
   */
  void check() {
    if (master != null && !master.isBlank() && !MASTER.matcher(master.strip()).matches()) {
      throw new UsageException("--master " + master + ": not a Spark master (local[N], local[*], spark://host:port, "
          + "yarn, k8s://...)");
    }
    var root = new org.apache.hadoop.fs.Path(output);
    try {
      var fs = root.getFileSystem(hadoopConf());
      if (fs.exists(root) && !fs.getFileStatus(root).isDirectory()) {
        throw new UsageException("--output " + output + " is a file, not a folder");
      }
    } catch (java.io.IOException e) {
      throw new UsageException("--output " + output + ": " + e.getMessage(), e);
    }
  }
}
