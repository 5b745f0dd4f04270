package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --incremental} on a newer snapshot (data/sample + data/sample-next: added versions, edited metadata)
 * over the output of a run on data/sample: it rewrites only what changed, and ends where a full run on the newer
 * snapshot ends.
 */
class IncrementalRunTest {
  @TempDir static Path dir;

  private static Path before;
  private static Path incremental;
  private static Path full;
  private static Map<String, FileTime> mtimesBefore;
  private static JsonNode summary;

  @BeforeAll
  static void runs() throws IOException {
    before = SampleRun.output();
    incremental = SampleRun.copy(dir.resolve("incremental"));
    mtimesBefore = mtimes(incremental);
    String sample = TestSpark.sample().toString();
    String next = TestSpark.repo().resolve("data/sample-next").toString();
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(incremental, "run", "--incremental",
        "--input", sample, next))).isZero();
    full = dir.resolve("full");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(full, "run", "--input", sample, next))).isZero();
    summary = new ObjectMapper().readTree(incremental.resolve("run-summary.json").toFile());
  }

  @Test
  void summaryListsExactlyTheMonthsWhoseListingsOrCountsDiffer() {
    // Independently: where the datasets of a full run on each snapshot differ.
    var listings = differing("listings", concat_ws("/", col("topic"), col("month")));
    var months = new TreeSet<String>();
    listings.forEach(k -> months.add(k.substring(k.indexOf('/') + 1)));
    months.addAll(differing("monthly_topic_stats", col("month")));
    months.addAll(differing("monthly_category_stats", col("month")));

    assertThat(summary.path("incremental").path("mode").asText()).isEqualTo("incremental");
    assertThat(strings(summary.path("incremental").path("listings_changed"))).isEqualTo(listings);
    assertThat(strings(summary.path("months_touched"))).isEqualTo(months);
    // What data/sample-next/MANIFEST.md says each change moves (the two sides above could agree on nothing).
    assertThat(months).contains("2026_06", "2026_05", "2025_05", "2007_10", "2007_03").doesNotContain("2007_04");
    assertThat(listings).contains("llm/2026_06", "llm/2025_05", "black_holes/2007_10", "black_holes/2026_06");
  }

  @Test
  void resultEqualsAFullRunOnTheNewerSnapshot() {
    SortedSet<String> recomputed = strings(summary.path("incremental").path("trending_months_recomputed"));
    // black_holes/2007_10 was touched: its window reaches 2008_10. 2007_03's counts changed but no listing of it
    // did, and trending terms read the listings only: not recomputed.
    assertThat(recomputed).contains("2026_06", "2026_05", "2007_10", "2008_10")
        .doesNotContain("2007_03", "2008_11", "2024_12");

    Outputs.assertSameTree("site", incremental, full, p -> true);
    // Trending terms are recomputed for the touched months and the 12 after each; the others keep the IDF of the
    // run that wrote them (a full run recomputes it from all papers), so only the recomputed ones equal a full run.
    Outputs.assertSameTree("extracts", incremental, full, p -> !p.startsWith("trending_terms"));
    for (String name : Outputs.DATASETS) {
      if (!name.equals("trending_terms")) {
        Outputs.assertSameRows(name, Outputs.dataset(incremental, name), Outputs.dataset(full, name));
      }
    }
    Column isRecomputed = col("month").isin(recomputed.toArray());
    Outputs.assertSameRows("trending_terms, recomputed months",
        Outputs.dataset(incremental, "trending_terms").filter(isRecomputed),
        Outputs.dataset(full, "trending_terms").filter(isRecomputed));
    Outputs.assertSameRows("trending_terms, other months",
        Outputs.dataset(incremental, "trending_terms").filter(isRecomputed.unary_$bang()),
        Outputs.dataset(before, "trending_terms").filter(isRecomputed.unary_$bang()));
  }

  @Test
  void filesOfMonthsNotTouchedAreLeftAlone() throws IOException {
    SortedSet<String> listings = strings(summary.path("incremental").path("listings_changed"));
    SortedSet<String> months = strings(summary.path("months_touched"));
    SortedSet<String> trending = strings(summary.path("incremental").path("trending_months_recomputed"));
    // Month pages show their month's trending terms: those whose terms moved are rendered again.
    SortedSet<String> pages = new TreeSet<>(listings);
    pages.addAll(strings(summary.path("incremental").path("pages_with_new_trending_terms")));
    Map<String, FileTime> after = mtimes(incremental);
    var untouched = new ArrayList<String>();
    var rewritten = new ArrayList<String>();
    for (var e : mtimesBefore.entrySet()) {
      String path = e.getKey();
      String scope = scopeOf(path);
      boolean mayChange = scope == null
          || (path.startsWith("site/papers/") ? pages.contains(scope)
              : path.startsWith("datasets/listings/") ? listings.contains(scope)
              : path.startsWith("datasets/trending_terms/") ? trending.contains(scope) : months.contains(scope));
      if (!mayChange) {
        untouched.add(path);
        assertThat(after.get(path)).as(path + " is in a month the run did not touch").isEqualTo(e.getValue());
      } else if (!e.getValue().equals(after.get(path))) {
        rewritten.add(path);
      }
    }
    // The check above covered something, and the changed months were rewritten.
    assertThat(untouched).anyMatch(p -> p.startsWith("site/papers/diffusion_models/2026_05/"))
        .anyMatch(p -> p.startsWith("datasets/listings/topic=diffusion_models/"))
        .anyMatch(p -> p.startsWith("datasets/monthly_category_stats/month=2007_04/"));
    assertThat(rewritten).anyMatch(p -> p.startsWith("site/papers/llm/2025_05/"))
        .anyMatch(p -> p.startsWith("datasets/listings/topic=llm/month=2025_05/"))
        .anyMatch(p -> p.startsWith("datasets/monthly_category_stats/month=2007_03/"));
    // The black-hole paper left 2007_10: that month's folder and partition are gone.
    assertThat(incremental.resolve("site/papers/black_holes/2007_10")).doesNotExist();
    assertThat(incremental.resolve("datasets/listings/topic=black_holes/month=2007_10")).doesNotExist();
  }

  @Test
  void everyMonthPageShowsTheTrendingTermsOfItsMonthAfterTheRun() {
    assertThat(Outputs.assertMonthPagesShowTheirTrendingTerms(incremental)).isPositive();
  }

  @Test
  void aSecondIncrementalRunOnTheSameSnapshotTouchesNothing() throws IOException {
    Path again = dir.resolve("again");
    Outputs.copy(incremental, again);
    Map<String, FileTime> mtimes = mtimes(again);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(again, "run", "--incremental", "--input",
        TestSpark.sample().toString(), TestSpark.repo().resolve("data/sample-next").toString()))).isZero();
    JsonNode second = new ObjectMapper().readTree(again.resolve("run-summary.json").toFile());
    assertThat(strings(second.path("months_touched"))).isEmpty();
    assertThat(second.path("nothing_changed").asBoolean()).isTrue();
    Map<String, FileTime> after = mtimes(again);
    mtimes.forEach((path, time) -> {
      if (!path.startsWith("datasets/papers/") && !path.startsWith("datasets/versions/")
          && !path.startsWith("datasets/quarantine/") && !path.startsWith("datasets/assignments/")) {
        assertThat(after.get(path)).as(path).isEqualTo(time);
      }
    });
  }

  /** The topic/month of a page or listing partition, or the month of a monthly dataset's partition; else null. */
  private static String scopeOf(String path) {
    var page = java.util.regex.Pattern.compile("^site/papers/([^/]+)/(\\d{4}_\\d{2})/").matcher(path);
    if (page.find()) {
      return page.group(1) + "/" + page.group(2);
    }
    var listing = java.util.regex.Pattern.compile("^datasets/listings/topic=([^/]+)/month=([^/]+)/").matcher(path);
    if (listing.find()) {
      return listing.group(1) + "/" + listing.group(2);
    }
    var monthly = java.util.regex.Pattern.compile(
        "^datasets/(monthly_topic_stats|monthly_category_stats|trending_terms)/month=([^/]+)/").matcher(path);
    return monthly.find() ? monthly.group(2) : null;
  }

  private static SortedSet<String> differing(String dataset, Column key) {
    Dataset<Row> a = Outputs.dataset(before, dataset);
    Dataset<Row> b = Outputs.dataset(full, dataset);
    var out = new TreeSet<String>();
    a.exceptAll(b).unionByName(b.exceptAll(a)).select(key).distinct().collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }

  private static SortedSet<String> strings(JsonNode array) {
    var out = new TreeSet<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** Modification time of every file under {@code root} but the run summary, by relative path. */
  private static Map<String, FileTime> mtimes(Path root) throws IOException {
    var out = new TreeMap<String, FileTime>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = root.relativize(p).toString();
        if (!rel.equals("run-summary.json")) {
          out.put(rel, Files.getLastModifiedTime(p));
        }
      }
    }
    return out;
  }
}
