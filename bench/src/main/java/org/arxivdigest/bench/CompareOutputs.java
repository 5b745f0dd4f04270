package org.arxivdigest.bench;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Whether two outputs of the job hold the same rows (issue 22: a performance change keeps the datasets
 * row-identical): for each dataset, DuckDB counts its rows and the rows of each side the other lacks (EXCEPT ALL,
 * so with multiplicity), partition columns included. Prints one line per dataset; exits 1 when any differs or is
 * missing on one side only. Pages and extracts are compared byte for byte with {@code diff -r}.
 *
 * <p>{@code CompareOutputs OUTPUT_A OUTPUT_B}
 */
public final class CompareOutputs {
  private CompareOutputs() {}

  /** The dataset folders of either output, sorted (this module does not see the job's catalog). */
  static SortedSet<String> datasets(String... outputs) {
    var names = new TreeSet<String>();
    for (String output : outputs) {
      File[] found = new File(output, "datasets").listFiles(File::isDirectory);
      if (found != null) {
        Arrays.stream(found).map(File::getName).forEach(names::add);
      }
    }
    return names;
  }

  private static String scan(String output, String dataset) {
    String glob = (output + "/datasets/" + dataset + "/**/*.parquet").replace("'", "''");
    return "SELECT * FROM read_parquet('" + glob + "', hive_partitioning = true, union_by_name = true)";
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CompareOutputs OUTPUT_A OUTPUT_B");
      System.exit(2);
    }
    boolean same = true;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      for (String d : datasets(args[0], args[1])) {
        boolean inA = new File(args[0] + "/datasets/" + d).isDirectory();
        if (!inA || !new File(args[1] + "/datasets/" + d).isDirectory()) {
          same = false;
          System.out.printf("%-24s only in the %s%n", d, inA ? "first" : "second");
          continue;
        }
        String a = scan(args[0], d);
        String b = scan(args[1], d);
        try (ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM (" + a + ")), (SELECT count(*) FROM (" + b
            + ")), (SELECT count(*) FROM ((" + a + ") EXCEPT ALL (" + b + "))), (SELECT count(*) FROM ((" + b
            + ") EXCEPT ALL (" + a + ")))")) {
          r.next();
          boolean equal = r.getLong(1) == r.getLong(2) && r.getLong(3) == 0 && r.getLong(4) == 0;
          same &= equal;
          System.out.printf("%-24s rows %d / %d, only in the first %d, only in the second %d: %s%n", d, r.getLong(1),
              r.getLong(2), r.getLong(3), r.getLong(4), equal ? "same" : "DIFFERENT");
        } catch (SQLException e) {
          // A dataset of no files (an empty month range) has nothing to read.
          same = false;
          System.out.printf("%-24s cannot compare: %s%n", d, e.getMessage().lines().findFirst().orElse(""));
        }
      }
    }
    System.exit(same ? 0 : 1);
  }
}
