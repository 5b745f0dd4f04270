package org.arxivdigest.cli;

import org.arxivdigest.classify.tfidf.ModelStore;
import picocli.CommandLine.Option;

/** Where trained models are written (train) and read from (classify, run, evaluate). */
public class ModelOptions {
  @Option(names = "--models", paramLabel = "DIR",
      description = "Model root: train adds <kind>/<version>/ and <kind>/LATEST there; classify, run and "
          + "evaluate use the LATEST versions it holds. Default: <output>/models")
  String models;

  ModelStore store(CommandRun run) {
    return new ModelStore(models != null ? models : run.out().models(),
        run.spark().sparkContext().hadoopConfiguration());
  }
}
