package org.arxivdigest.spark;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Creates the one SparkSession of a command, the same way embedded and under spark-submit. */
public final class Sessions {
  private Sessions() {}

  /** Months and dates are UTC by definition; the job sets this over any other value. */
  public static final String TIME_ZONE = "UTC";

  /**
   * The master is {@code --master} if given, else whatever spark-submit (or -Dspark.master) set, else
   * {@code local[*]}: a cluster's master is never overridden by a default.
   */
  public static SparkSession create(String appName, String master, Map<String, String> confs) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    String resolved = resolveMaster(master, System.getProperty("spark.master"));
    if (resolved != null) {
      builder.master(resolved);
    }
    builder.config("spark.ui.showConsoleProgress", "false");
    if (confs != null) {
      confs.forEach(builder::config);
    }
    builder.config("spark.sql.session.timeZone", TIME_ZONE);
    return builder.getOrCreate();
  }

  /** Returns the master to set on the builder, or null to keep the one the environment gave. */
  static String resolveMaster(String option, String fromEnvironment) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    return fromEnvironment == null ? "local[*]" : null;
  }
}
