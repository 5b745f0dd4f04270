package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.io.DatasetWriter;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendingTermsTest {
  private static final StructType LISTED_TEXT = new StructType()
      .add("topic", DataTypes.StringType).add("month", DataTypes.StringType).add("id", DataTypes.StringType)
      .add("version", DataTypes.IntegerType).add("title", DataTypes.StringType)
      .add("abstract", DataTypes.StringType);
  private static final StructType PAPERS = new StructType()
      .add("id", DataTypes.StringType).add("title", DataTypes.StringType).add("abstract", DataTypes.StringType);

  @TempDir
  Path dir;

  private static Dataset<Row> frame(StructType schema, List<Object[]> rows) {
    var list = new ArrayList<Row>();
    rows.forEach(r -> list.add(RowFactory.create(r)));
    return TestSpark.session().createDataFrame(list, schema);
  }

  /** A candidate of {@link TermCounts#SCHEMA}: term papers and occurrences of the month and of its baseline. */
  private static Object[] candidate(String month, String term, long y, long n, long yb, long nb) {
    return new Object[] {"t", month, term, y, n / 10, n, yb, nb / 10, nb, 12};
  }

  /** A prior of {@code occurrences} in all whose table has {@code term} in {@code papers} sampled papers. */
  private static TermPrior prior(long occurrences, List<String> common, Object[]... terms) {
    return prior(occurrences, common, List.of(), terms);
  }

  /** As {@link #prior(long, List, Object[][])}, with {@code plain} words. */
  private static TermPrior prior(long occurrences, List<String> common, List<String> plain, Object[]... terms) {
    return new TermPrior(frame(Schemas.TERM_PRIOR, List.of(terms)), 10_000, occurrences, common, plain);
  }

  /** The trending terms {@link TrendingTerms#ranked} makes of these candidates and this prior. */
  private static Dataset<Row> ranked(TermPrior prior, Object[]... candidates) {
    return TrendingTerms.ranked(frame(TermCounts.SCHEMA, List.of(candidates)), prior.terms(), prior);
  }

  private static Map<String, Row> byTerm(Dataset<Row> trending) {
    var out = new HashMap<String, Row>();
    trending.collectAsList().forEach(r -> out.put(r.getAs("month") + " " + r.getAs("term"), r));
    return out;
  }

  @Test
  void theScoreIsTheLogOddsRatioZScoreWithTheCorpusPriorSoTheSameRiseScoresInABigMonthNotInAThreePaperOne() {
    // The same shares in both months (10% of the month's term occurrences against 1.7% of the baseline's), 100
    // times the counts in the big one. Corpus: the term in 10 sampled papers of 100,000 term occurrences, so
    // a = 1000 * 11 / 100,000 = 0.11. Expected values computed apart (Python, the formula of the class comment).
    TermPrior prior = prior(100_000, List.of(), new Object[] {"mamba neurons", 10L});
    Map<String, Row> rows = byTerm(ranked(prior,
        candidate("2025_02", "mamba neurons", 30, 3000, 20, 12000),
        candidate("2025_03", "mamba neurons", 3, 30, 2, 120)));
    Row big = rows.get("2025_02 mamba neurons");
    assertThat(big.<Double>getAs("log_odds_ratio")).isCloseTo(1.588303, within(1e-6));
    assertThat(big.<Double>getAs("score")).isCloseTo(5.515138, within(1e-6));
    assertThat(big.<Integer>getAs("rank")).isEqualTo(1);
    // The three-paper month: z = 0.53, below 1.96 (the prior outweighs 3 occurrences): no row.
    assertThat(rows).doesNotContainKey("2025_03 mamba neurons");
  }

  @Test
  void aCommonWordOrTwoCommonWordsNeverTrendAndATermTheCorpusUsesAsMuchAsTheTopicDoesNeither() {
    TermPrior prior = prior(100_000, List.of("method", "results"),
        new Object[] {"method", 900L}, new Object[] {"results", 800L}, new Object[] {"results method", 40L},
        new Object[] {"method mamba", 3L}, new Object[] {"everywhere", 3000L});
    Map<String, Row> rows = byTerm(ranked(prior,
        candidate("2025_02", "method", 300, 3000, 20, 12000),
        candidate("2025_02", "results method", 300, 3000, 20, 12000),
        candidate("2025_02", "method mamba", 30, 3000, 20, 12000),
        // Rises in the topic (60 of 3,000 against 20 of 12,000), but the corpus has it in 3% of its occurrences:
        // the topic uses it less than the corpus does, so it is not a term of the topic.
        candidate("2025_02", "everywhere", 60, 3000, 20, 12000)));
    assertThat(rows).containsOnlyKeys("2025_02 method mamba");
  }

  @Test
  void aPlainWordNeverTrendsAloneButItsPhrasesDoAndSoDoesAFrequentName() {
    Object[][] candidates = {
        candidate("2025_02", "failure", 90, 3000, 6, 12000),
        candidate("2025_02", "failure modes", 40, 3000, 2, 12000),
        candidate("2025_02", "gemini", 90, 3000, 6, 12000)};
    // Without plain words all three trend (the same counts as "neurons" and "mamba neurons" below).
    assertThat(byTerm(ranked(prior(1_000_000, List.of()), candidates)))
        .containsOnlyKeys("2025_02 failure", "2025_02 failure modes", "2025_02 gemini");
    assertThat(byTerm(ranked(prior(1_000_000, List.of(), List.of("agents", "failure")), candidates)))
        .containsOnlyKeys("2025_02 failure modes", "2025_02 gemini");
  }

  @Test
  void thePlainWordsAreTheFrequentWordsThatTheAbstractsMostlyWriteInLowerCase() throws Exception {
    var papers = new ArrayList<Object[]>();
    for (int i = 0; i < 300; i++) {
      // Qwen3 capitalized in all 100 abstracts with it, Judges in 40 of 100 (sentence starts do not count), Mamba
      // in 60 of 100; "rarely" is in 1 paper of 300 (under 1%).
      String text = i < 100 ? "We fine-tune Qwen3 for failure detection. Failure modes of agents differ."
          : i < 200 ? "Judges agree. Graph colouring " + (i < 140 ? "Judges" : "judges") + " rate."
          : "Our " + (i < 260 ? "Mamba" : "mamba") + " neurons with chromatic number " + (i == 299 ? "rarely" : "");
      papers.add(new Object[] {"p" + i, "Paper " + i, text});
    }
    TermPrior prior = TermPrior.write(TestSpark.session(), frame(PAPERS, papers), dir.resolve("plain").toString(),
        DatasetWriter::replaceIntermediate);
    assertThat(prior.plainWords()).contains("failure", "detection", "modes", "agents", "fine", "judges", "graph",
        "neurons", "chromatic", "paper").doesNotContain("qwen3", "mamba", "rarely").isSorted();
  }

  @Test
  void aWordGivesWayToATrendingPhraseWithItUnlessItIsInTwiceThePhrasesPapersOrMore() {
    TermPrior prior = prior(1_000_000, List.of());
    Dataset<Row> ranked = ranked(prior,
        candidate("2025_02", "mamba neurons", 40, 3000, 2, 12000),
        candidate("2025_02", "mamba", 45, 3000, 3, 12000),
        candidate("2025_02", "neurons", 90, 3000, 6, 12000),
        // A phrase of one word twice is one row; a phrase of another month moves nothing in this one.
        candidate("2025_02", "neurons neurons", 30, 3000, 1, 12000),
        candidate("2025_03", "mamba", 45, 3000, 3, 12000),
        candidate("2025_04", "mamba neurons", 40, 3000, 2, 12000));
    Map<String, Row> rows = byTerm(ranked);
    // "mamba" is mostly the phrase; "neurons" is in more than twice the phrase's papers: it says more alone.
    assertThat(rows).containsOnlyKeys("2025_02 mamba neurons", "2025_02 neurons", "2025_02 neurons neurons",
        "2025_03 mamba", "2025_04 mamba neurons");
    assertThat(ranked.count()).isEqualTo(rows.size());
  }

  @Test
  void aTermAndItsPluralAreOneRowTheOneThatScoresHigher() {
    // Every candidate trends on its own (z 6.3-7.7, topic score 5.4-5.9: computed apart with the class comment's
    // formula); of a term and its plural, the higher score stays: judge 6.87 over judges 6.30, video generators
    // 7.71 over video generator 6.26, trajectories 7.19 over trajectory 6.30. "focus" is not the plural of "focu".
    TermPrior prior = prior(100_000, List.of());
    Dataset<Row> ranked = ranked(prior,
        candidate("2025_02", "judge", 40, 3000, 20, 12000),
        candidate("2025_02", "judges", 30, 3000, 8, 12000),
        candidate("2025_02", "video generator", 30, 3000, 10, 12000),
        candidate("2025_02", "video generators", 45, 3000, 10, 12000),
        candidate("2025_02", "trajectories", 45, 3000, 5, 12000),
        candidate("2025_02", "trajectory", 30, 3000, 8, 12000),
        candidate("2025_02", "focus", 40, 3000, 5, 12000),
        candidate("2025_02", "focu", 35, 3000, 5, 12000));
    Map<String, Row> rows = byTerm(ranked);
    assertThat(rows.keySet()).containsExactlyInAnyOrder("2025_02 judge", "2025_02 video generators",
        "2025_02 trajectories", "2025_02 focus", "2025_02 focu");
    // The rows that are left are ranked 1..n without a gap.
    assertThat(ranked.collectAsList().stream().map(r -> r.<Integer>getAs("rank")).sorted().toList())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aTopicsOwnKeywordsAreLeftOutWordByWordForOneWordKeywordsAndAsTermsForPhrases() {
    TopicTerms llm = TopicTerms.of(List.of("LLM"));
    assertThat(List.of("llm", "llms", "llm agents", "agentic llms", "llm judge evaluation", "judge llm evaluation",
        "judge evaluation llms")).allMatch(llm::excludes);
    assertThat(llm.excludes("agentic")).isFalse();
    TopicTerms diffusion = TopicTerms.of(List.of("diffusion model", "Retrieval-Augmented Generation"));
    assertThat(List.of("diffusion", "diffusion model", "diffusion models", "models", "retrieval augmented",
        "augmented generation", "generation")).allMatch(diffusion::excludes);
    assertThat(List.of("video diffusion", "diffusion transformer", "retrieval systems", "latent diffusion models"))
        .noneMatch(diffusion::excludes);
  }

  @Test
  void theJobNeverReadsTheEvaluationListOfGenericWords() throws Exception {
    // docs/generic-words.txt judges the trending terms (docs/trending-terms.md): the scorer must not learn from it.
    try (var files = Files.walk(Path.of("src/main"))) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> {
        try {
          return new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
              .contains("generic-words");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      })).isEmpty();
    }
  }

  /** {@code n} papers of a topic's month: "graph colouring" in each, {@code withTerm} of them on mamba neurons. */
  private static void month(List<Object[]> listings, List<Object[]> papers, String month, int n, int withTerm) {
    for (int i = 0; i < n; i++) {
      String id = month + "." + i;
      String title = i < withTerm ? "Graph colouring of mamba neurons" : "Graph colouring bounds";
      String text = title + " with chromatic number " + i;
      listings.add(new Object[] {"gc", month, id, 1, title, text});
      papers.add(new Object[] {id, title, text});
    }
  }

  @Test
  void onListingsATermRisesInAMonthWithEnoughPapersAgainstABaselineWithEnoughAndNotOnTheTopicsKeywords()
      throws Exception {
    var listings = new ArrayList<Object[]>();
    var papers = new ArrayList<Object[]>();
    month(listings, papers, "2025_01", 30, 0);
    month(listings, papers, "2025_02", 30, 1);
    month(listings, papers, "2025_03", 50, 40);
    // A second version in March of a paper with the term: one document, its newest version.
    listings.add(new Object[] {"gc", "2025_03", "2025_03.0", 2, "Graph colouring of mamba neurons", "v2"});
    for (int i = 0; i < 1000; i++) {
      papers.add(new Object[] {"other." + i, "Image segmentation " + i, "Pixels and masks."});
    }
    String out = dir.resolve("prior").toString();
    TermPrior prior = TermPrior.write(TestSpark.session(), frame(PAPERS, papers), out,
        DatasetWriter::replaceIntermediate);
    assertThat(Files.isDirectory(Path.of(out))).isTrue();
    assertThat(prior.papers()).isEqualTo(1110);
    assertThat(prior.commonWords()).contains("image", "segmentation", "pixels", "masks", "chromatic")
        .doesNotContain("mamba", "neurons");
    Topic gc = TopicsConfig.parse("{\"topics\": [{\"slug\": \"gc\", \"name\": \"Graph colouring\", "
        + "\"include\": [\"graph colouring\"]}]}", "test").get(0);
    Dataset<Row> trending = TrendingTerms.of(frame(LISTED_TEXT, listings), prior, List.of(gc), null,
        UnaryOperator.identity());
    assertThat(trending.schema().fieldNames()).containsExactly(Schemas.TRENDING_TERMS.fieldNames());
    List<Row> rows = trending.orderBy("month", "rank").collectAsList();
    // January has no baseline, February's is 30 papers (fewer than 50): only March has trending terms.
    assertThat(rows).extracting(r -> r.<String>getAs("month")).containsOnly("2025_03");
    // "colouring mamba" ties with it (the 2-gram across "of"); the keyword phrase leaves out its own terms only.
    Row top = rows.stream().filter(r -> r.getAs("term").equals("mamba neurons")).findFirst().orElseThrow();
    assertThat(top.<Integer>getAs("rank")).isLessThanOrEqualTo(2);
    assertThat(top.<Long>getAs("papers_with_term")).isEqualTo(40L);
    assertThat(top.<Long>getAs("month_papers")).isEqualTo(50L);
    assertThat(top.<Long>getAs("baseline_papers_with_term")).isEqualTo(1L);
    assertThat(top.<Long>getAs("baseline_papers")).isEqualTo(60L);
    assertThat(top.<Integer>getAs("baseline_months")).isEqualTo(2);
    // Its words give way to it; the topic's keywords and common words never trend.
    assertThat(rows).extracting(r -> r.<String>getAs("term"))
        .doesNotContain("mamba", "neurons", "graph", "colouring", "graph colouring", "chromatic");
  }
}
