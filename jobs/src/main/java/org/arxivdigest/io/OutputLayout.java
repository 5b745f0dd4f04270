package org.arxivdigest.io;

import org.arxivdigest.schema.Catalog;

/** Where everything goes under the output root (a local path, hdfs:// or s3a://). */
public record OutputLayout(String root) {

  public OutputLayout {
    root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
  }

  /** Where a dataset of the catalog lives: {@code <root>/datasets/<folder>}. */
  public String path(Catalog dataset) {
    return datasets() + "/" + dataset.folder();
  }

  /** The parent of every dataset folder. */
  public String datasets() {
    return root + "/datasets";
  }

  /** CSV extracts of the aggregates and the listings. */
  public String extracts() {
    return root + "/extracts";
  }

  /** The digest site: markdown pages, READMEs. */
  public String site() {
    return root + "/site";
  }

  /** Trained models: {@code <kind>/<version>/} and {@code <kind>/LATEST}. */
  public String models() {
    return root + "/models";
  }

  /** Evaluation reports. */
  public String reports() {
    return root + "/reports";
  }

  /** Stack traces of failed runs, one file per run: {@code _logs/<run id>.log}. */
  public String logs() {
    return root + "/_logs";
  }

  public String runSummary() {
    return root + "/run-summary.json";
  }

  /** Intermediate data of one run; removed when the run ends. Hidden from Spark readers by its leading underscore. */
  public String work(String runId) {
    return workRoot() + "/" + runId;
  }

  public String workRoot() {
    return root + "/_work";
  }
}
