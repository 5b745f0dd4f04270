package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.cli.ExitCodes;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --merge} of two "days" into the sample output — the three pages of a real oai_dc harvest
 * ({@code data/harvest/oai_dc-cs-2021-03-20}, 2,358 records) and {@code data/sample-next} (new versions and edited
 * metadata of sample papers) — ends where one full run over all of it ends.
 */
class MergeRunTest {
  @TempDir static Path dir;

  private static final Path DAY1 = TestSpark.repo().resolve("data/harvest/oai_dc-cs-2021-03-20");
  private static final Path DAY2 = TestSpark.repo().resolve("data/sample-next");

  private static Path merged;
  private static Path full;
  private static JsonNode first;
  private static JsonNode second;
  /** The papers' and versions' files before and after the second merge. */
  private static Map<String, byte[]> papersBefore;
  private static Map<String, byte[]> papersAfter;
  private static Map<String, byte[]> versionsBefore;
  private static Map<String, byte[]> versionsAfter;

  @BeforeAll
  static void runs() throws IOException {
    merged = SampleRun.copy(dir.resolve("merged"));
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(merged, "run", "--merge", "--input", DAY1.toString())))
        .isZero();
    first = summary(merged);
    papersBefore = Outputs.files(merged.resolve("datasets/papers"));
    versionsBefore = Outputs.files(merged.resolve("datasets/versions"));
    // --recompute: the trending terms' prior made again from the papers as they are now, as a full run makes it
    // (11 papers merged: within the drift a merge otherwise keeps the prior made before it, tested below).
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(merged, "run", "--merge", "--recompute", "--input",
        DAY2.toString()))).isZero();
    second = summary(merged);
    papersAfter = Outputs.files(merged.resolve("datasets/papers"));
    versionsAfter = Outputs.files(merged.resolve("datasets/versions"));
    full = dir.resolve("full");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(full, "run", "--input", TestSpark.sample().toString(),
        DAY1.toString(), DAY2.toString()))).isZero();
  }

  private static JsonNode summary(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
  }

  /** What the first group of {@code pattern} matches in the files of {@code folder} named {@code *suffix}. */
  private static Set<String> found(Path folder, String suffix, Pattern pattern) throws IOException {
    var out = new HashSet<String>();
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        var m = pattern.matcher(Files.readString(f));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  /** The ids of the records of a folder of OAI-PMH pages, read with a regex (not the job's reader). */
  private static Set<String> oaiIds(Path folder) throws IOException {
    return found(folder, ".xml", Pattern.compile("<identifier>oai:arXiv\\.org:([^<]+)</identifier>"));
  }

  @Test
  void theSummarySaysWhatWasMergedAndTheAccountingHolds() throws IOException {
    SparkSession spark = TestSpark.session();
    Set<String> before = new HashSet<>();
    spark.read().parquet(SampleRun.output().resolve("datasets/papers").toString()).select("id").collectAsList()
        .forEach(r -> before.add(r.getString(0)));
    Set<String> day1 = oaiIds(DAY1);
    var fresh = new HashSet<>(day1);
    fresh.removeAll(before);

    JsonNode m = first.path("merge");
    assertThat(first.path("incremental").path("mode").asText()).isEqualTo("merge");
    assertThat(first.path("records_read").asLong()).isEqualTo(2358);
    assertThat(m.path("papers_before").asLong()).isEqualTo(before.size());
    assertThat(m.path("papers_touched").asLong()).isEqualTo(day1.size() - fresh.size());
    assertThat(m.path("new_papers").asLong()).isEqualTo(fresh.size()).isPositive();
    assertThat(first.path("papers").asLong()).isEqualTo(before.size() + fresh.size());
    for (JsonNode s : List.of(first, second)) {
      assertThat(s.path("accounting_balanced").asBoolean()).isTrue();
      assertThat(s.path("records_read").asLong()).isEqualTo(s.path("papers").asLong()
          - s.path("merge").path("papers_from_output").asLong() + s.path("duplicates_dropped").asLong()
          + s.path("quarantined").asLong() + s.path("deleted").asLong());
    }
    // data/sample-next: next week's copies of sample records, with added versions and edited metadata.
    JsonNode m2 = second.path("merge");
    assertThat(m2.path("new_papers").asLong()).isZero();
    assertThat(m2.path("papers_with_new_versions").asLong()).isPositive();
    assertThat(m2.path("papers_edited").asLong()).isPositive();
    assertThat(m2.path("papers_touched").asLong()).isEqualTo(m2.path("papers_with_new_versions").asLong()
        + m2.path("papers_edited").asLong() + m2.path("papers_unchanged").asLong());
  }

  /** The partition folders ({@code id_year=2026}) whose files differ between two listings of a dataset. */
  private static Set<String> changedPartitions(Map<String, byte[]> before, Map<String, byte[]> after) {
    var keys = new TreeSet<String>(before.keySet());
    keys.addAll(after.keySet());
    var changed = new TreeSet<String>();
    keys.stream().filter(k -> k.contains("/") && !java.util.Arrays.equals(before.get(k), after.get(k)))
        .forEach(k -> changed.add(k.substring(0, k.indexOf('/'))));
    return changed;
  }

  private static Set<String> partitions(Map<String, byte[]> files) {
    var out = new TreeSet<String>();
    files.keySet().stream().filter(k -> k.contains("/")).forEach(k -> out.add(k.substring(0, k.indexOf('/'))));
    return out;
  }

  @Test
  void aMergeRewritesOnlyThePartitionsItTouches() throws IOException {
    // papers: only the years of the day's ids (read with a regex, the year by hand: 2604.27082 -> 2026).
    var years = new TreeSet<String>();
    for (String yy : found(DAY2, ".jsonl", Pattern.compile("\"id\": \"(?:[a-z.A-Z-]+/)?([0-9]{2})"))) {
      int twoDigits = Integer.parseInt(yy);
      years.add("id_year=" + ((twoDigits >= 91 ? 1900 : 2000) + twoDigits));
    }
    Set<String> papers = changedPartitions(papersBefore, papersAfter);
    assertThat(papers).isNotEmpty().isSubsetOf(years);
    assertThat(partitions(papersAfter)).hasSizeGreaterThan(papers.size() + 5);
    // versions: only months where a merged paper has a version; the other months' files stay as they were.
    Set<String> months = changedPartitions(versionsBefore, versionsAfter);
    assertThat(months).isNotEmpty();
    assertThat(partitions(versionsAfter).size()).isGreaterThan(months.size() * 3);
  }

  @Test
  void theResultEqualsAFullRunOverEverythingMerged() {
    // Site and extracts byte for byte (trending terms aside: recomputed for the touched months and the 12 after).
    Outputs.assertSameTree("site", merged, full, p -> true);
    Outputs.assertSameTree("extracts", merged, full, p -> !p.contains("trending_terms"));
    for (String name : Outputs.DATASETS) {
      if (!name.equals("trending_terms")) {
        Outputs.assertSameRows(name, Outputs.dataset(merged, name), Outputs.dataset(full, name));
      }
    }
    // The second day's listing extracts were put together from its few changed months and the bytes in place.
    JsonNode extracts = stage(second, "publish.extracts");
    assertThat(extracts.path("listing_months_written").asInt()).isPositive();
    assertThat(extracts.path("listing_months_kept").asInt())
        .isGreaterThan(10 * extracts.path("listing_months_written").asInt());
    SortedSet<String> recomputed = new TreeSet<>();
    second.path("incremental").path("trending_months_recomputed").forEach(n -> recomputed.add(n.asText()));
    assertThat(recomputed).isNotEmpty();
    Column last = col("month").isin(recomputed.toArray());
    Outputs.assertSameRows("trending_terms of the months the last merge recomputed",
        Outputs.dataset(merged, "trending_terms").filter(last), Outputs.dataset(full, "trending_terms").filter(last));
  }

  @Test
  void everyMonthPageShowsTheTrendingTermsOfItsMonthAfterTheMerges() {
    assertThat(Outputs.assertMonthPagesShowTheirTrendingTerms(merged)).isPositive();
  }

  private static JsonNode stage(JsonNode summary, String name) {
    for (JsonNode st : summary.path("stages")) {
      if (st.path("name").asText().equals(name)) {
        return st;
      }
    }
    throw new AssertionError("no stage " + name + " in " + summary);
  }

  @Test
  void aSmallMergeKeepsTheTrendingPriorMadeBeforeItWithinItsDrift() throws IOException {
    // One paper of the second day edited again a week later: 1 paper of ~14,000, within the 1% drift.
    Path edited = Files.createDirectories(dir.resolve("edited-day"));
    String line = Files.readAllLines(DAY2.resolve("changes-2026-06-03.jsonl")).get(0);
    Files.writeString(edited.resolve("changes-2026-06-10.jsonl"), line
        .replace("\"update_date\": \"2026-06-03\"", "\"update_date\": \"2026-06-10\"")
        .replace("\"abstract\": \"", "\"abstract\": \"Edited again. ") + "\n");
    Path out = Outputs.copy(merged, dir.resolve("prior-kept"));
    Map<String, byte[]> prior = Outputs.files(out.resolve("_state/term_prior"));
    var mapper = new ObjectMapper();
    JsonNode before = mapper.readTree(out.resolve("_state/term_prior.json").toFile()).path("facts");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--input", edited.toString())))
        .isZero();
    JsonNode s = summary(out);
    assertThat(s.path("merge").path("papers_edited").asLong()).isEqualTo(1);
    assertThat(stage(s, "aggregate.trending_terms").path("prior").asText()).isEqualTo("kept");
    assertThat(Outputs.files(out.resolve("_state/term_prior"))).containsOnlyKeys(prior.keySet());
    JsonNode after = mapper.readTree(out.resolve("_state/term_prior.json").toFile()).path("facts");
    assertThat(after.path("merged_since").asLong()).isEqualTo(before.path("merged_since").asLong() + 1);
    assertThat(after.path("corpus_papers").asLong()).isEqualTo(before.path("corpus_papers").asLong());
    // The second day's merge ran with --recompute: it made the prior again.
    assertThat(stage(second, "aggregate.trending_terms").path("prior").asText()).isEqualTo("made");
  }

  @Test
  void aMergeAddsOneFileToAYearAndCompactsAYearOfTooManyFiles() throws IOException {
    for (String year : changedPartitions(papersBefore, papersAfter)) {
      assertThat(papersAfter.keySet().stream().filter(k -> k.startsWith(year + "/")).count()).as(year)
          .isLessThanOrEqualTo(papersBefore.keySet().stream().filter(k -> k.startsWith(year + "/")).count() + 1);
    }
    // The first day's output with 2026 (the second day's year) split into more files than a year may hold.
    Path out = SampleRun.copy(dir.resolve("compacted"));
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--input", DAY1.toString())))
        .isZero();
    Path year = out.resolve("datasets/papers/id_year=2026");
    Path split = dir.resolve("split-2026");
    SparkSession spark = TestSpark.session();
    spark.read().parquet(year.toString()).repartition(13).write().parquet(split.toString());
    org.apache.commons.io.FileUtils.deleteDirectory(year.toFile());
    Files.move(split, year);
    assertThat(year.toFile().list((d, n) -> n.endsWith(".parquet"))).hasSize(13);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--recompute", "--input",
        DAY2.toString()))).isZero();
    assertThat(year.toFile().list((d, n) -> n.endsWith(".parquet"))).hasSize(1);
    Outputs.assertSameRows("papers", Outputs.dataset(out, "papers"), Outputs.dataset(merged, "papers"));
  }

  @Test
  void mergingTheSameDayAgainChangesNothing() throws IOException {
    Path again = Outputs.copy(merged, dir.resolve("again"));
    // A listing extract changed by hand: its months' bytes are not where the index says, so the files are written
    // whole again (not put together from it).
    Files.writeString(again.resolve("extracts/listings_llm.csv"), "edited\r\n",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(again, "run", "--merge", "--input", DAY2.toString())))
        .isZero();
    JsonNode s = summary(again);
    assertThat(stage(s, "publish.extracts").path("listing_months_kept").asInt()).isZero();
    assertThat(s.path("months_touched")).isEmpty();
    assertThat(s.path("merge").path("papers_unchanged").asLong())
        .isEqualTo(s.path("merge").path("papers_touched").asLong()).isPositive();
    Outputs.assertSame(again, merged);
  }

  @Test
  void aMergeUnderOtherTopicsClassifiesAndListsEveryPaperAgain() throws IOException {
    // The second day merged again under a config without black_holes: no paper changes, yet every paper is
    // classified and listed again, since only those a merge changed are otherwise (the older papers' black_holes
    // rows went with it).
    var mapper = new ObjectMapper();
    var config = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Path.of(SampleRun.topics())
        .toFile());
    var topics = mapper.createArrayNode();
    config.path("topics").forEach(t -> {
      if (!t.path("slug").asText().equals("black_holes")) {
        topics.add(t);
      }
    });
    config.set("topics", topics);
    Path file = dir.resolve("topics-without-black-holes.json");
    mapper.writeValue(file.toFile(), config);
    Path out = Outputs.copy(merged, dir.resolve("other-topics"));
    assertThat(Outputs.dataset(out, "listings").filter(col("topic").equalTo("black_holes")).isEmpty()).isFalse();
    assertThat(ArxivDigest.run(new String[] {"run", "--merge", "--input", DAY2.toString(), "--topics",
        file.toString(), "--output", out.toString(), "--master", "local[2]", "--conf",
        "spark.sql.shuffle.partitions=4"})).isZero();
    Column kept = col("topic").notEqual("black_holes");
    for (String name : List.of("assignments", "listings")) {
      Outputs.assertSameRows(name, Outputs.dataset(out, name), Outputs.dataset(full, name).filter(kept));
    }
  }

  @Test
  void mergeCombinesWithNeitherIncrementalNorAMonthRangeAndNeedsTheCurrentFormat() throws IOException {
    String input = DAY2.toString();
    Path out = Outputs.copy(SampleRun.output(), dir.resolve("refused"));
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--incremental", "--input",
        input))).isEqualTo(ExitCodes.USAGE);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--from", "2026-01", "--input",
        input))).isEqualTo(ExitCodes.USAGE);
    // An output written by an older program (no format file, or another version): a full run is needed.
    Files.writeString(out.resolve("_state/format"), "0\n");
    Map<String, byte[]> site = Outputs.files(out.resolve("site"));
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--merge", "--input", input)))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--incremental", "--input", input)))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(Outputs.files(out.resolve("site"))).containsOnlyKeys(site.keySet());
  }

}
