package org.arxivdigest.cli;

import org.arxivdigest.run.StageContext;
import org.arxivdigest.classify.tfidf.ModelStore;
import picocli.CommandLine.Option;

/** Where trained models are written (train) and read from (classify, run, evaluate). */
public class ModelOptions {
  @Option(names = "--models", paramLabel = "DIR",
      description = "Model root: train adds <kind>/<version>/ and <kind>/LATEST there; classify, run and "
          + "evaluate use the LATEST versions it holds. Default: <output>/models")
  String models;

  ModelStore store(StageContext ctx) {
    return new ModelStore(models != null ? models : ctx.out().models(), ctx.conf());
  }
}
