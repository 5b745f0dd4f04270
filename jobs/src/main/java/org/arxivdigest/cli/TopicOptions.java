package org.arxivdigest.cli;

import java.util.List;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import picocli.CommandLine.Option;

/** The topic config, read and checked before Spark starts: a bad config writes nothing. */
public class TopicOptions {
  @Option(names = "--topics", paramLabel = "FILE", defaultValue = TopicsConfig.DEFAULT_PATH,
      description = "Topic config (JSON). Default: ${DEFAULT-VALUE}")
  String topics;

  List<Topic> load(SparkOptions spark) {
    return TopicsConfig.load(topics, spark.hadoopConf());
  }
}
