package org.arxivdigest.cli;

import org.arxivdigest.classify.tfidf.ModelStore;
import picocli.CommandLine.Option;

/** Where trained models are read from. */
public class ModelOptions {
  @Option(names = "--models", paramLabel = "DIR",
      description = "Model root whose <kind>/LATEST versions classify applies. Default: <output>/models "
          + "(used when it holds models).")
  String models;

  ModelStore store(CommandRun run) {
    return new ModelStore(models != null ? models : run.out().models(),
        run.spark().sparkContext().hadoopConfiguration());
  }
}
