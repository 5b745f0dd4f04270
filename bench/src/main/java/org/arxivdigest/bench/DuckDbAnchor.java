package org.arxivdigest.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's anchor: DuckDB reads a Kaggle-format dump, applies the llm keyword rule (the word "llm"/"llms"
 * in title or abstract, a cs or stat category) and counts the matching papers' versions by month, with the given
 * number of threads. Prints one JSON line: seconds of each repetition, result rows, matching versions.
 *
 * <p>{@code DuckDbAnchor FILE [THREADS] [REPEATS]}
 */
public final class DuckDbAnchor {
  private DuckDbAnchor() {}

  static String query(String file) {
    String path = file.replace("'", "''");
    return """
        WITH papers AS (
          SELECT id, title, abstract, categories, versions
          FROM read_json('%s', format = 'newline_delimited', ignore_errors = true, maximum_object_size = 67108864,
            columns = {id: 'VARCHAR', title: 'VARCHAR', abstract: 'VARCHAR', categories: 'VARCHAR',
                       versions: 'STRUCT(version VARCHAR, created VARCHAR)[]'})
        ), hits AS (
          SELECT id, versions FROM papers
          WHERE regexp_matches(coalesce(title, '') || ' ' || coalesce(abstract, ''), '(?i)\\bllms?\\b')
            AND regexp_matches(coalesce(categories, ''), '(^|\\s)(cs|stat)\\.')
        )
        SELECT strftime(try_strptime(v.created, '%%a, %%-d %%b %%Y %%H:%%M:%%S GMT'), '%%Y_%%m') AS month,
               count(*) AS versions
        FROM hits, unnest(versions) AS u(v)
        GROUP BY month ORDER BY month
        """.formatted(path);
  }

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Class.forName("org.duckdb.DuckDBDriver");
    List<Double> seconds = new ArrayList<>();
    long rows = 0;
    long versions = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      for (int i = 0; i < repeats; i++) {
        long start = System.nanoTime();
        rows = 0;
        versions = 0;
        try (ResultSet r = s.executeQuery(query(file))) {
          while (r.next()) {
            rows++;
            versions += r.getLong(2);
          }
        }
        seconds.add((System.nanoTime() - start) / 1e9);
      }
    }
    System.out.printf("{\"engine\": \"duckdb\", \"threads\": %d, \"seconds\": %s, \"months\": %d, \"versions\": %d}%n",
        threads, Json.list(seconds), rows, versions);
  }
}
