package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.arxivdigest.testing.XmlPapers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The digest pages of a run on data/sample, checked against an independent reading of the same input files. */
class PublishRunTest {
  @TempDir Path dir;

  private static final Pattern ROW = Pattern.compile(
      "^\\| \\*\\*\\[.*\\]\\((http://arxiv\\.org/abs/(.+)v(\\d+))\\)\\*\\*<details>.*</details> \\| "
          + "(\\d{4}-\\d\\d-\\d\\d) \\| .* \\|$", Pattern.MULTILINE);
  private static final Pattern LLM = Pattern.compile("(?i)\\bllms?\\b");
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss z",
      Locale.US);

  /**
   * The sites' rule for llm, applied with plain Java to the raw input lines: month to the set of listed links.
   * Every version of a matching paper is listed in the UTC month it was submitted.
   */
  private static Map<String, Set<String>> expectedLlmLinks() throws IOException {
    var byId = new TreeMap<String, JsonNode>();
    var json = new ObjectMapper();
    try (var files = Files.walk(TestSpark.sample())) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.jsonl(\\.gz)?$")).sorted().toList()) {
        var in = Files.newInputStream(file);
        try (var reader = new BufferedReader(new InputStreamReader(
            file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            JsonNode r = json.readTree(line);
            byId.put(r.get("id").asText(), r); // the sample's repeated ids carry identical versions
          }
        }
      }
    }
    var papers = new TreeMap<String, XmlPapers.Paper>();
    for (JsonNode r : byId.values()) {
      var versions = new TreeMap<Integer, java.time.Instant>();
      for (JsonNode v : r.get("versions")) {
        versions.put(Integer.parseInt(v.get("version").asText().substring(1)),
            ZonedDateTime.parse(v.get("created").asText(), CREATED).toInstant());
      }
      papers.put(r.get("id").asText(), new XmlPapers.Paper(r.get("id").asText(), r.get("title").asText(),
          r.path("abstract").asText(""), List.of(r.get("categories").asText().split("\\s+")), versions, "kaggle"));
    }
    XmlPapers.read(TestSpark.sample()).forEach(p -> papers.putIfAbsent(p.id(), p)); // no id is in two formats here
    LLM_SOURCES.clear();
    var expected = new TreeMap<String, Set<String>>();
    for (XmlPapers.Paper r : papers.values()) {
      boolean csOrStat = false;
      for (String c : r.categories()) {
        csOrStat |= c.startsWith("cs.") || c.startsWith("stat.") || c.equals("cs") || c.equals("stat");
      }
      if (!csOrStat || !LLM.matcher(r.title()).find() || !LLM.matcher(r.abstractText()).find()) {
        continue;
      }
      LLM_SOURCES.put(r.id(), r.format());
      r.versions().forEach((n, instant) -> {
        var at = instant.atZone(ZoneOffset.UTC);
        String month = String.format("%04d_%02d", at.getYear(), at.getMonthValue());
        expected.computeIfAbsent(month, k -> new TreeSet<>()).add("http://arxiv.org/abs/" + r.id() + "v" + n);
      });
    }
    return expected;
  }

  /** The format each paper the llm rule selects came from (filled by {@link #expectedLlmLinks}). */
  private static final Map<String, String> LLM_SOURCES = new TreeMap<>();

  @Test
  void quantumComputingPagesListPapersThatCameOnlyFromOaiPages() throws IOException {
    var oaiOnly = new TreeSet<String>();
    XmlPapers.read(TestSpark.sample().resolve("oai")).forEach(p -> oaiOnly.add(p.id()));
    var listed = new TreeSet<String>();
    try (var walk = Files.walk(SampleRun.output().resolve("site/papers/quantum_computing"))) {
      for (Path page : walk.filter(p -> p.getFileName().toString().matches("papers_\\d+\\.md")).toList()) {
        Matcher m = Pattern.compile("arxiv\\.org/abs/([^\\s)|]+?)v\\d+").matcher(Files.readString(page));
        while (m.find()) {
          listed.add(m.group(1));
        }
      }
    }
    assertThat(listed).as("quantum_computing entries from the OAI-PMH pages (no other file has these ids)")
        .containsAnyElementsOf(oaiOnly).contains("1412.1722", "1501.03540"); // arXivRaw (litpuvn), arXiv (invenio)
  }

  @Test
  void llmPagesListExactlyTheVersionsTheSitesRuleSelectsHundredAPartNewestFirst() throws IOException {
    Path llm = SampleRun.output().resolve("site/papers/llm");
    Map<String, Set<String>> expected = expectedLlmLinks();
    assertThat(expected).isNotEmpty();
    var months = new TreeSet<String>();
    try (var dirs = Files.list(llm)) {
      dirs.filter(Files::isDirectory).forEach(d -> months.add(d.getFileName().toString()));
    }
    assertThat(months).isEqualTo(expected.keySet());
    assertThat(LLM_SOURCES).as("the llm pages list papers of the Atom feeds too").containsValue("atom");

    String readme = Files.readString(llm.resolve("README.md"));
    for (String month : months) {
      Set<String> want = expected.get(month);
      int parts = (want.size() + 99) / 100;
      var listed = new ArrayList<String>();
      var dates = new ArrayList<String>();
      for (int p = 1; p <= parts; p++) {
        String page = Files.readString(llm.resolve(month + "/papers_" + p + ".md"));
        assertThat(page).startsWith("# llm - " + month + "\n\n## Navigation\n\n[Home](../../..) / "
            + "[Papers](../../../papers) / [llm](../../../papers/llm)\n\n");
        for (int q = 1; q <= parts; q++) {
          assertThat(page).contains(q == p ? "\n- Part " + q + "\n" : "\n- [Part " + q + "](papers_" + q + ".md)\n");
        }
        Matcher m = ROW.matcher(page);
        int rows = 0;
        while (m.find()) {
          listed.add(m.group(1));
          dates.add(m.group(4));
          assertThat(m.group(1)).startsWith("http://arxiv.org/abs/" + m.group(2) + "v");
          rows++;
        }
        assertThat(rows).as(month + " part " + p).isEqualTo(p < parts ? 100 : want.size() - 100 * (parts - 1));
      }
      assertThat(llm.resolve(month + "/papers_" + (parts + 1) + ".md")).doesNotExist();
      assertThat(listed).as("each version once").doesNotHaveDuplicates();
      assertThat(new TreeSet<>(listed)).as(month).isEqualTo(want);
      assertThat(dates).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(dates).allSatisfy(d -> assertThat(d.substring(0, 7).replace('-', '_')).isEqualTo(month));
      long papers = listed.stream().map(l -> l.replaceAll("v\\d+$", "")).distinct().count();
      assertThat(readme).contains("| [" + month + "](" + month + "/papers_1.md) | " + papers + " | "
          + listed.size() + " | ");
    }
  }

  @Test
  void everyTopicWithMatchesHasPagesAndTheSiteIndexCountsThem() throws IOException {
    Path site = SampleRun.output().resolve("site");
    String index = Files.readString(site.resolve("README.md"));
    var names = new java.util.HashMap<String, String>();
    var versions = new java.util.HashSet<String>();
    TopicsConfig.load(SampleRun.topics(), new org.apache.hadoop.conf.Configuration()).forEach(t -> {
      names.put(t.slug(), t.name());
      if (t.listing() == org.arxivdigest.config.Topic.Listing.VERSIONS) {
        versions.add(t.slug());
      }
    });
    for (String topic : List.of("llm", "embodied_ai", "gaussian_splatting", "quantum_computing", "black_holes")) {
      assertThat(site.resolve("papers/" + topic + "/README.md")).isRegularFile();
      // The topic by its name; entries only for topics that list every version (the others' equal papers).
      assertThat(index).containsPattern("\\| \\[" + java.util.regex.Pattern.quote(names.get(topic)) + "\\]\\(papers/"
          + topic + "/README.md\\) \\| \\d+ \\| " + (versions.contains(topic) ? "\\d+" : "= papers")
          + " \\| \\d+ \\| \\[[A-Z][a-z]+ \\d{4}\\]\\(papers/" + topic + "/\\d{4}_\\d\\d/papers_1.md\\) \\| "
          + "\\d{4}-\\d\\d-\\d\\d \\|");
      try (var months = Files.list(site.resolve("papers/" + topic))) {
        assertThat(months.filter(Files::isDirectory)).allSatisfy(m -> assertThat(m.resolve("papers_1.md"))
            .isRegularFile());
      }
    }
    assertThat(Files.readString(site.resolve("papers/embodied_ai/2025_05/papers_1.md")))
        .contains("<div class=\"paper-card\">").contains("📅 2025-05-");
    // The topic page shows the trending terms of its newest month that has them, as the dataset ranks them.
    var trending = TestSpark.session().read().parquet(SampleRun.output().resolve("datasets/trending_terms")
        .toString()).filter("topic = 'llm' and rank <= 10");
    String newest = trending.agg(org.apache.spark.sql.functions.max("month")).first().getString(0);
    var terms = trending.filter(org.apache.spark.sql.functions.col("month").equalTo(newest)).orderBy("rank")
        .collectAsList().stream().map(r -> Outputs.shown(r) + " (" + r.<Long>getAs("papers_with_term") + ")")
        .toList();
    assertThat(terms).isNotEmpty();
    var page = org.jsoup.Jsoup.parse(site.resolve("papers/llm/index.html").toFile(), "UTF-8");
    assertThat(page.select("h1").text()).isEqualTo("Large language models");
    assertThat(page.select("section.trending h2").text())
        .isEqualTo("Trending in " + org.arxivdigest.publish.PageRenderer.readableMonth(newest));
    assertThat(page.select("section.trending p").first().text()).isEqualTo(String.join(", ", terms));
    assertThat(Files.readString(site.resolve("papers/llm/README.md"))).contains(String.join(", ", terms));
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    var files = new TreeMap<String, byte[]>();
    try (var walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void assertSameTree(Map<String, byte[]> actual, Map<String, byte[]> expected) {
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    expected.forEach((path, bytes) -> assertThat(actual.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void monthPagesShowTheirMonthsTrendingTerms() {
    assertThat(Outputs.assertMonthPagesShowTheirTrendingTerms(SampleRun.output())).as("pages with terms")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aSecondRunGivesAByteIdenticalSite() throws IOException {
    Path second = dir.resolve("second");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(second, "run", "--input",
        TestSpark.sample().toString()))).isZero();
    assertSameTree(tree(second.resolve("site")), tree(SampleRun.output().resolve("site")));
    assertSameTree(tree(second.resolve("extracts")), tree(SampleRun.output().resolve("extracts")));

    // Again on the same output: nothing changes, and the summary says so; no page is even rewritten.
    Path page = second.resolve("site/papers/llm/2025_05/papers_1.md");
    FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    Files.setLastModifiedTime(page, old);
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(second, "run", "--input",
        TestSpark.sample().toString()))).isZero();
    JsonNode summary = new ObjectMapper().readTree(second.resolve("run-summary.json").toFile());
    assertThat(summary.get("datasets_changed")).isEmpty();
    assertThat(summary.get("changes").get("month_folders_written").asLong()).isZero();
    assertThat(summary.get("changes").get("site_files_written").asLong()).isZero();
    assertThat(summary.get("nothing_changed").asBoolean()).as(summary.toString()).isTrue();
    assertThat(Files.getLastModifiedTime(page)).isEqualTo(old);
    // The whole-dump stages saw the same inputs from the same build: skipped, saying since which run.
    String first = new ObjectMapper().readTree(Files.readString(second.resolve("_state/ingest.json")))
        .get("run_id").asText();
    assertThat(summary.get("skipped_stages").get("ingest").asText()).isEqualTo("inputs unchanged since run " + first);
    // Publish runs (a page's modification time moved: its files are not as it left them), extracts do not.
    // (In the order they ended: publish and extracts run side by side.)
    assertThat(fieldNames(summary.get("skipped_stages"))).containsExactlyInAnyOrder("ingest", "classify",
        "aggregate", "extracts");
    assertThat(fieldNames(summary.get("stage_seconds"))).noneMatch(s -> s.startsWith("ingest.")
        || s.startsWith("classify.") || s.startsWith("aggregate."));
    JsonNode sample = new ObjectMapper().readTree(SampleRun.output().resolve("run-summary.json").toFile());
    for (String restated : List.of("records_read", "papers", "duplicates_dropped", "versions",
        "quarantined_by_reason", "accounting_balanced")) {
      assertThat(summary.get(restated)).as(restated).isEqualTo(sample.get(restated));
    }

    // A dataset whose manifest is gone may have been damaged: its stage runs again; what reads only its content
    // (aggregate: the listings come out the same) is still skipped.
    Files.delete(second.resolve("datasets/listings/_manifest.json"));
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(second, "run", "--input",
        TestSpark.sample().toString()))).isZero();
    summary = new ObjectMapper().readTree(second.resolve("run-summary.json").toFile());
    assertThat(fieldNames(summary.get("skipped_stages"))).containsExactlyInAnyOrder("ingest", "aggregate",
        "publish", "extracts");
    assertThat(fieldNames(summary.get("stage_seconds"))).contains("classify.assign", "classify.listings");
    assertThat(second.resolve("datasets/listings/_manifest.json")).exists();

    // --recompute runs every stage, and they come to the same datasets.
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(second, "run", "--recompute", "--input",
        TestSpark.sample().toString()))).isZero();
    summary = new ObjectMapper().readTree(second.resolve("run-summary.json").toFile());
    assertThat(summary.has("skipped_stages")).isFalse();
    assertThat(fieldNames(summary.get("stage_seconds"))).contains("ingest.parse", "classify.assign",
        "aggregate.trending_terms");
    assertThat(summary.get("datasets_changed")).isEmpty();
    assertThat(summary.get("nothing_changed").asBoolean()).isTrue();

    // And a run after it has nothing left to do.
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(second, "run", "--input",
        TestSpark.sample().toString()))).isZero();
    summary = new ObjectMapper().readTree(second.resolve("run-summary.json").toFile());
    assertThat(fieldNames(summary.get("skipped_stages"))).containsExactlyInAnyOrder("ingest", "classify",
        "aggregate", "publish", "extracts");
    assertThat(fieldNames(summary.get("stage_seconds"))).isEmpty();
    assertThat(summary.get("nothing_changed").asBoolean()).isTrue();
  }

  private static List<String> fieldNames(JsonNode node) {
    var names = new ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aBackfillRewritesOnlyTheMonthsOfItsRangeThatChanged() throws IOException {
    Path out = SampleRun.copy(dir.resolve("backfill"));
    Path site = out.resolve("site");
    Path outside = Files.createDirectories(site.resolve("papers/llm/1999_01"));
    Files.writeString(outside.resolve("papers_1.md"), "older month, outside the backfill\n");
    Map<String, byte[]> before = tree(site);
    // A damaged page in the range, and one outside it.
    Files.writeString(site.resolve("papers/llm/2025_05/papers_2.md"), "damaged\n");
    Files.writeString(site.resolve("papers/llm/2026_05/papers_2.md"), "damaged\n");
    FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
    try (var walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, old);
      }
    }

    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "publish", "--from", "2025-05", "--to", "2025-05")))
        .isZero();

    assertThat(Files.readString(site.resolve("papers/llm/2026_05/papers_2.md"))).as("outside the range")
        .isEqualTo("damaged\n");
    Files.write(site.resolve("papers/llm/2026_05/papers_2.md"), before.get("papers/llm/2026_05/papers_2.md"));
    assertSameTree(tree(site), before);
    try (var walk = Files.walk(site)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = site.relativize(p).toString();
        if (rel.startsWith("papers/llm/2025_05/")) {
          assertThat(Files.getLastModifiedTime(p)).as(rel + ": its month was repaired").isNotEqualTo(old);
        } else if (!rel.equals("papers/llm/2026_05/papers_2.md")) {
          assertThat(Files.getLastModifiedTime(p)).as(rel + " untouched").isEqualTo(old);
        }
      }
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    assertThat(summary.get("changes").get("month_folders_written").asLong()).isEqualTo(1);
    assertThat(summary.get("nothing_changed").asBoolean()).isFalse();
    // The listings did not change: the index pages' counts came from the stamp, and the pages above are the same.
    JsonNode count = null;
    for (JsonNode stage : summary.get("stages")) {
      if (stage.get("name").asText().equals("publish.count")) {
        count = stage;
      }
    }
    assertThat(count).isNotNull();
    assertThat(count.get("kept_counts_read").asBoolean()).isTrue();
    assertThat(count.get("months").asLong()).isPositive();
  }

  @Test
  void aFullPublishRemovesMonthsAndTopicsThatNoLongerHavePapers() throws IOException {
    Path out = SampleRun.copy(dir.resolve("stale"));
    Path site = out.resolve("site");
    Files.createDirectories(site.resolve("papers/llm/1999_01"));
    Files.writeString(site.resolve("papers/llm/1999_01/papers_1.md"), "stale\n");
    Files.createDirectories(site.resolve("papers/retired_topic/2020_01"));
    Files.writeString(site.resolve("papers/retired_topic/2020_01/papers_1.md"), "stale\n");

    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "publish"))).isZero();

    assertThat(site.resolve("papers/llm/1999_01")).doesNotExist();
    assertThat(site.resolve("papers/retired_topic")).doesNotExist();
    assertSameTree(tree(site), tree(SampleRun.output().resolve("site")));
  }

  @Test
  void aHostileTitleCannotAddALinkATagOrAColumnThroughTheWholePipeline() throws Exception {
    String hostile = "LLM | x <script>alert(1)</script> ](javascript:alert(1)) [y](http://evil.example) $a|b$";
    String line = TestSpark.sampleLine("0704.0001")
        .replaceFirst("\"title\":\"[^\"]*\"", Matcher.quoteReplacement("\"title\":\"" + hostile + "\""))
        .replaceFirst("\"abstract\":\"", "\"abstract\":\"An LLM <b>bold</b> | ")
        .replaceFirst("\"categories\":\"[^\"]*\"", "\"categories\":\"cs.CL\"");
    Path input = TestSpark.writeLines(dir, "hostile.jsonl", List.of(line));
    Path out = dir.resolve("out");
    assertThat(ArxivDigest.run(SampleRun.withCommonOptions(out, "run", "--input", input.toString()))).isZero();
    String page = Files.readString(out.resolve("site/papers/llm/2007_04/papers_1.md"));
    var parser = org.commonmark.parser.Parser.builder()
        .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build();
    var links = new ArrayList<String>();
    var html = new ArrayList<String>();
    var cells = new ArrayList<Integer>();
    parser.parse(page).accept(new org.commonmark.node.AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.CustomNode node) {
        if (node instanceof org.commonmark.ext.gfm.tables.TableRow) {
          int n = 0;
          for (var c = node.getFirstChild(); c != null; c = c.getNext()) {
            n++;
          }
          cells.add(n);
        }
        visitChildren(node);
      }

      @Override
      public void visit(org.commonmark.node.CustomBlock node) {
        visitChildren(node);
      }

      @Override
      public void visit(org.commonmark.node.Link link) {
        links.add(link.getDestination());
        visitChildren(link);
      }

      @Override
      public void visit(org.commonmark.node.HtmlInline node) {
        html.add(node.getLiteral());
      }
    });
    assertThat(cells).containsExactly(3, 3);
    assertThat(links).containsExactly("../../..", "../../../papers", "../../../papers/llm",
        "http://arxiv.org/abs/0704.0001v1");
    assertThat(html).containsOnly("<details>", "</details>");

    // The HTML twin: links to arXiv only (the title and the id), no script or bold element, the title as text.
    var doc = org.jsoup.Jsoup.parse(out.resolve("site/papers/llm/2007_04/papers_1.html").toFile(), "UTF-8");
    assertThat(doc.select("b")).isEmpty();
    // The page's only scripts are the site's MathJax and its settings, from assets/.
    assertThat(doc.select("script")).extracting(e -> e.attr("src"))
        .containsExactly("../../../assets/math.js", "../../../assets/mathjax/tex-svg.js");
    assertThat(doc.select("article a")).extracting(a -> a.attr("href"))
        .containsExactly("http://arxiv.org/abs/0704.0001v1", "http://arxiv.org/abs/0704.0001v1");
    assertThat(doc.select("article h2").text()).isEqualTo(hostile);
    assertThat(doc.select("article .meta a").text()).isEqualTo("arXiv:0704.0001v1");
    // The feed parses, and gives the title back as it was.
    var feed = ChartsAndFeedsTest.parse(out.resolve("site/feeds/llm.xml"));
    var entry = (org.w3c.dom.Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
    assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").item(0).getTextContent())
        .isEqualTo(hostile);
    assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary").item(0).getTextContent())
        .startsWith("An LLM <b>bold</b> | ");
  }
}
