package org.arxivdigest.io;

/** Where everything goes under the output root (a local path, hdfs:// or s3a://). */
public record OutputLayout(String root) {

  public OutputLayout {
    root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
  }

  public String dataset(String name) {
    return root + "/datasets/" + name;
  }

  public String papers() {
    return dataset("papers");
  }

  public String versions() {
    return dataset("versions");
  }

  public String quarantine() {
    return dataset("quarantine");
  }

  public String assignments() {
    return dataset("assignments");
  }

  public String listings() {
    return dataset("listings");
  }

  public String predictions() {
    return dataset("predictions");
  }

  public String monthlyTopicStats() {
    return dataset("monthly_topic_stats");
  }

  public String monthlyCategoryStats() {
    return dataset("monthly_category_stats");
  }

  public String trendingTerms() {
    return dataset("trending_terms");
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
