package org.arxivdigest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Two output folders hold the same result: pages, site and extracts byte for byte, datasets row for row. */
public final class Outputs {
  private Outputs() {}

  public static final List<String> DATASETS = List.of("papers", "versions", "quarantine", "assignments", "listings",
      "monthly_topic_stats", "monthly_category_stats", "trending_terms");

  /** Every regular file under {@code root}, by relative path (names starting with "." or "_" left out). */
  public static Map<String, byte[]> files(Path root) {
    var out = new TreeMap<String, byte[]>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.startsWith(".") && !rel.contains("/.") && !rel.startsWith("_") && !rel.contains("/_")) {
          out.put(rel, Files.readAllBytes(p));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A copy of an output folder, modification times kept. */
  public static Path copy(Path from, Path to) {
    try (var files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  public static void assertSame(Path actual, Path expected) {
    assertSameExcept(actual, expected);
  }

  /** As {@link #assertSame}, but files and datasets whose path holds one of {@code skipped} are not compared. */
  public static void assertSameExcept(Path actual, Path expected, String... skipped) {
    java.util.function.Predicate<String> compared = p -> java.util.Arrays.stream(skipped).noneMatch(p::contains);
    boolean trending = !compared.test("trending_terms");
    for (String tree : List.of("site", "extracts")) {
      // Trending terms skipped: a topic page is compared without the trending terms it shows.
      assertSameTree(tree, actual, expected, compared, trending && tree.equals("site") ? Outputs::withoutTrending
          : b -> b);
    }
    var datasets = new ArrayList<String>();
    for (File d : expected.resolve("datasets").toFile().listFiles(File::isDirectory)) {
      datasets.add(d.getName());
    }
    assertThat(datasets).containsAll(DATASETS);
    var spark = TestSpark.session();
    for (String name : datasets.stream().filter(compared).toList()) {
      Dataset<Row> a = spark.read().parquet(actual.resolve("datasets/" + name).toString());
      Dataset<Row> b = spark.read().parquet(expected.resolve("datasets/" + name).toString());
      assertThat(a.schema()).as(name).isEqualTo(b.schema());
      assertSameRows(name, a, b);
    }
  }

  /** The same file names under {@code tree} of both outputs, and the same bytes where {@code compared} says. */
  public static void assertSameTree(String tree, Path actual, Path expected,
                                    java.util.function.Predicate<String> compared) {
    assertSameTree(tree, actual, expected, compared, b -> b);
  }

  private static void assertSameTree(String tree, Path actual, Path expected,
                                     java.util.function.Predicate<String> compared,
                                     java.util.function.UnaryOperator<byte[]> normalized) {
    Map<String, byte[]> a = files(actual.resolve(tree));
    Map<String, byte[]> e = files(expected.resolve(tree));
    assertThat(a.keySet()).as(tree).isEqualTo(e.keySet());
    e.forEach((path, bytes) -> {
      if (compared.test(path)) {
        assertThat(normalized.apply(a.get(path))).as(tree + "/" + path).isEqualTo(normalized.apply(bytes));
      }
    });
  }

  private static final java.util.regex.Pattern TRENDING = java.util.regex.Pattern.compile(
      "(?s)<section class=\"trending\">.*?</section>\n|\n\\*\\*Trending in [^\n]*\n");

  /** A page's text without the trending terms a topic page shows (HTML section, markdown line). */
  private static byte[] withoutTrending(byte[] page) {
    String text = new String(page, java.nio.charset.StandardCharsets.UTF_8);
    return TRENDING.matcher(text).replaceAll("").getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Every HTML month page shows exactly its month's top ten trending terms in the output's {@code trending_terms}
   * (term and papers, by rank; no section when the month has none): after an in-place run too, whose pages of
   * months it did not render must still agree with the terms it recomputed. Returns the pages with terms.
   */
  public static int assertMonthPagesShowTheirTrendingTerms(Path output) {
    var expected = new TreeMap<String, String>();
    dataset(output, "trending_terms").filter("rank <= 10").orderBy("topic", "month", "rank").collectAsList()
        .forEach(r -> expected.merge(r.<String>getAs("topic") + "/" + r.<String>getAs("month"),
            shown(r) + " (" + r.<Long>getAs("papers_with_term") + ")", (a, b) -> a + ", " + b));
    var shown = new TreeMap<String, String>();
    var pages = java.util.regex.Pattern.compile("^papers/([^/]+)/(\\d{4}_\\d{2})/papers_\\d+\\.html$");
    int withTerms = 0;
    for (String path : files(output.resolve("site")).keySet()) {
      var m = pages.matcher(path);
      if (!m.matches()) {
        continue;
      }
      String key = m.group(1) + "/" + m.group(2);
      try {
        var section = org.jsoup.Jsoup.parse(output.resolve("site").resolve(path).toFile(), "UTF-8")
            .select("section.trending p");
        String text = section.isEmpty() ? null : section.text().replaceFirst("^Trending this month: ", "");
        assertThat(text).as(path).isEqualTo(expected.get(key));
        withTerms += text == null ? 0 : 1;
        shown.put(key, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // A month with terms but no page cannot be: trending terms come from listings.
    assertThat(shown.keySet()).containsAll(expected.keySet());
    return withTerms;
  }

  /** A trending term as pages show it: its label, or the term in months written before terms had labels. */
  public static String shown(Row term) {
    String label = term.getAs("label");
    return label == null ? term.getAs("term") : label;
  }

  /** The same rows, as many times each. */
  public static void assertSameRows(String what, Dataset<Row> actual, Dataset<Row> expected) {
    assertThat(actual.count()).as(what + " rows").isEqualTo(expected.count());
    assertThat(actual.exceptAll(expected).count()).as(what + ": rows only in the first output").isZero();
    assertThat(expected.exceptAll(actual).count()).as(what + ": rows missing from the first output").isZero();
  }

  /** A dataset of an output with its columns in name order (outputs may write them in another order). */
  public static Dataset<Row> dataset(Path output, String name) {
    Dataset<Row> data = TestSpark.session().read().parquet(output.resolve("datasets/" + name).toString());
    String[] sorted = data.columns().clone();
    java.util.Arrays.sort(sorted);
    return data.selectExpr(sorted);
  }

  /** A papers row's versions as "v1@2007-04-05T12:45:03Z v2@…", instants in UTC. */
  public static String versions(org.apache.spark.sql.Row paper) {
    var sb = new StringBuilder();
    for (org.apache.spark.sql.Row v : paper.<org.apache.spark.sql.Row>getList(paper.fieldIndex("versions"))) {
      sb.append('v').append(v.getInt(0)).append('@').append(((java.sql.Timestamp) v.get(1)).toInstant()).append(' ');
    }
    return sb.toString().strip();
  }
}
