package org.arxivdigest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's second anchor (issue 22): DuckDB doing the datasets' work of {@code ingest} and the keyword part of
 * {@code classify}, not only a count. It reads every field of a Kaggle-format dump, collapses whitespace in title,
 * abstract, authors and comments, keeps the newest record per id (the last version's date, then update_date), writes
 * {@code papers} as Parquet and {@code versions} partitioned by month, applies the llm keyword rule (the word "llm"
 * or "llms" in the title and the abstract, a cs or stat category: data/topics.json), and writes its listing (every
 * version of a matching paper, with title and abstract) partitioned by month and its monthly counts. One process,
 * the given number of threads; each repetition writes into a fresh folder. Prints one JSON line: seconds of each
 * repetition, papers, versions, listed versions.
 *
 * <p>{@code DuckDbPipeline FILE OUT_DIR [THREADS] [REPEATS]}
 */
public final class DuckDbPipeline {
  private DuckDbPipeline() {}

  private static String quoted(Object path) {
    return "'" + path.toString().replace("'", "''") + "'";
  }

  /** The statements of one repetition, in order. */
  static List<String> statements(String file, Path out) {
    String collapse = "nullif(regexp_replace(trim(%s), '\\s+', ' ', 'g'), '')";
    return List.of(
        """
        CREATE OR REPLACE TEMP TABLE raw AS
        SELECT * FROM read_json(%s, format = 'newline_delimited', ignore_errors = true,
          maximum_object_size = 67108864,
          columns = {id: 'VARCHAR', submitter: 'VARCHAR', authors: 'VARCHAR', title: 'VARCHAR',
                     comments: 'VARCHAR', "journal-ref": 'VARCHAR', doi: 'VARCHAR', "report-no": 'VARCHAR',
                     categories: 'VARCHAR', license: 'VARCHAR', abstract: 'VARCHAR',
                     versions: 'STRUCT(version VARCHAR, created VARCHAR)[]', update_date: 'VARCHAR',
                     authors_parsed: 'VARCHAR[][]'})
        """.formatted(quoted(file)),
        """
        CREATE OR REPLACE TEMP TABLE papers AS
        WITH normalized AS (
          SELECT trim(id) AS id, submitter, %s AS authors, authors_parsed, %s AS title, %s AS abstract,
                 %s AS comments, "journal-ref" AS journal_ref, doi, "report-no" AS report_no, license,
                 string_split(trim(categories), ' ') AS categories,
                 split_part(trim(categories), ' ', 1) AS primary_category,
                 try_cast(update_date AS DATE) AS update_date,
                 list_transform(versions, v -> {version: try_cast(substr(v.version, 2) AS INTEGER),
                   submitted_at: try_strptime(v.created, '%%a, %%-d %%b %%Y %%H:%%M:%%S GMT')}) AS versions
          FROM raw WHERE id IS NOT NULL AND trim(id) <> '' AND len(versions) > 0
        )
        SELECT *, len(versions) AS version_count, list_min(list_transform(versions, v -> v.submitted_at))
                 AS first_version_at, list_max(list_transform(versions, v -> v.submitted_at)) AS last_version_at
        FROM normalized
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY last_version_at DESC, update_date DESC NULLS LAST) = 1
        """.formatted(collapse.formatted("authors"), collapse.formatted("title"),
            collapse.formatted("abstract"), collapse.formatted("comments")),
        "COPY papers TO %s (FORMAT parquet)".formatted(quoted(out.resolve("papers.parquet"))),
        """
        CREATE OR REPLACE TEMP TABLE versions AS
        SELECT id, v.version AS version, v.submitted_at AS submitted_at, CAST(v.submitted_at AS DATE)
               AS submitted_date, strftime(v.submitted_at, '%Y_%m') AS month
        FROM papers, unnest(versions) AS u(v)
        """,
        "COPY versions TO %s (FORMAT parquet, PARTITION_BY (month))".formatted(quoted(out.resolve("versions"))),
        """
        CREATE OR REPLACE TEMP TABLE listing AS
        SELECT 'llm' AS topic, v.month, v.id, v.version, v.submitted_at, p.title, p.abstract, p.comments,
               p.primary_category, 'keyword' AS method, 'llm' AS term
        FROM papers p JOIN versions v USING (id)
        WHERE regexp_matches(coalesce(p.title, ''), '(?i)\\bllms?\\b')
          AND regexp_matches(coalesce(p.abstract, ''), '(?i)\\bllms?\\b')
          AND list_has_any(list_transform(p.categories, c -> split_part(c, '.', 1)), ['cs', 'stat'])
        """,
        "COPY listing TO %s (FORMAT parquet, PARTITION_BY (month))".formatted(quoted(out.resolve("listing"))),
        """
        COPY (SELECT topic, month, count(*) AS versions, count(DISTINCT id) AS papers FROM listing
              GROUP BY ALL ORDER BY month) TO %s (FORMAT parquet)
        """.formatted(quoted(out.resolve("monthly_counts.parquet"))));
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static long count(Statement s, String table) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    }
  }

  public static void main(String[] args) throws Exception {
    String file = args[0];
    Path out = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Class.forName("org.duckdb.DuckDBDriver");
    List<Double> seconds = new ArrayList<>();
    long papers = 0;
    long versions = 0;
    long listed = 0;
    for (int i = 0; i < repeats; i++) {
      deleteTree(out);
      Files.createDirectories(out);
      // A fresh in-memory database each time: nothing cached from the repetition before.
      try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
        s.execute("SET threads = " + threads);
        s.execute("SET preserve_insertion_order = false");
        long start = System.nanoTime();
        for (String sql : statements(file, out)) {
          s.execute(sql);
        }
        seconds.add((System.nanoTime() - start) / 1e9);
        papers = count(s, "papers");
        versions = count(s, "versions");
        listed = count(s, "listing");
      }
    }
    deleteTree(out);
    System.out.printf("{\"engine\": \"duckdb-pipeline\", \"threads\": %d, \"seconds\": %s, \"papers\": %d,"
        + " \"versions\": %d, \"listed_versions\": %d}%n", threads, Json.list(seconds), papers, versions, listed);
  }
}
