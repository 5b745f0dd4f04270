package org.arxivdigest.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class KeywordRulesTest {
  private static final StructType PAPERS = new StructType()
      .add("id", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("abstract", DataTypes.StringType)
      .add("categories", DataTypes.createArrayType(DataTypes.StringType));

  private static final List<Topic> TOPICS = TopicsConfig.parse("""
      {"topics": [
        {"slug": "llm", "include": ["llm"]},
        {"slug": "embodied_ai", "include": ["embodied ai"]},
        {"slug": "agents", "include": ["agent"], "exclude": ["reinforcement learning"]},
        {"slug": "holes", "include": ["black hole"], "categories": ["gr-qc", "astro-ph.HE"]},
        {"slug": "rx", "include_regex": ["gpt-?[345]"]},
        {"slug": "gs", "include": ["gaussian splatting"]}
      ]}""", "test");

  private static Row paper(String id, String title, String abstractText, String... categories) {
    return RowFactory.create(id, title, abstractText, List.of(categories));
  }

  /** id to "topic:term:field" of every assignment, sorted. */
  private static Map<String, List<String>> assign(Row... papers) {
    return assign(TOPICS, papers);
  }

  /** As {@link #assign(Row...)}, by the rules of {@code topics}. */
  private static Map<String, List<String>> assign(List<Topic> topics, Row... papers) {
    var df = TestSpark.session().createDataFrame(List.of(papers), PAPERS);
    var out = new TreeMap<String, List<String>>();
    for (Row r : KeywordRules.assign(df, topics).orderBy("id", "topic").collectAsList()) {
      assertThat(r.<String>getAs("method")).isEqualTo("keyword");
      out.computeIfAbsent(r.getAs("id"), k -> new java.util.ArrayList<>())
          .add(r.getAs("topic") + ":" + r.getAs("term") + ":" + r.getAs("field"));
    }
    return out;
  }

  /** One topic, "many", whose include terms are {@code term} of 0 to 69. */
  private static List<Topic> seventyTerms(java.util.function.IntFunction<String> term) {
    var terms = new java.util.ArrayList<String>();
    for (int i = 0; i < 70; i++) {
      terms.add("\"" + term.apply(i) + "\"");
    }
    return TopicsConfig.parse("{\"topics\": [{\"slug\": \"many\", \"include\": ["
        + String.join(", ", terms) + "]}]}", "test");
  }

  @Test
  void wordsBeyondTheFirst64AreFoundToo() {
    // One topic with 70 one-word terms: their words fill two 64-bit masks of the rule's word lookup.
    List<Topic> many = seventyTerms(i -> "term" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
    var got = assign(many,
        paper("1", "On TERMCP", "Upper-case TERMCPs in the abstract.", "cs.AI"),
        paper("2", "On termab", "And termab here.", "cs.AI"),
        paper("3", "On termcq", "Not in this abstract.", "cs.AI"));
    // termcp is the 68th word (index 67): in the second mask.
    assertThat(got).isEqualTo(Map.of("1", List.of("many:termcp:title+abstract"),
        "2", List.of("many:termab:title+abstract")));
  }

  @Test
  void phrasesBeyondTheFirst64AreFoundToo() {
    // One topic with 70 two-word phrases: their stems fill two 64-bit masks of the rule's phrase lookup.
    List<Topic> many = seventyTerms(i -> "field x" + (100 + i)); // digits: no two stem alike
    var got = assign(many,
        paper("1", "On Field X167 waves", "Nothing here.", "cs.AI"),
        paper("2", "On fields", "A field, then x101. And field x101 here.", "cs.AI"),
        paper("3", "On x168", "X168 field, reversed.", "cs.AI"));
    // "field x167" is the 68th phrase (index 67): in the second mask.
    assertThat(got).isEqualTo(Map.of("1", List.of("many:field x167:title"),
        "2", List.of("many:field x101:abstract")));
  }

  @Test
  void topicsBeyondTheFirst64HaveTheirCategoriesCheckedToo() {
    // 70 topics, one phrase each, topics 1 and 67 for math papers, the others for cs. Beyond 64 topics a mask of
    // topics (a long) would wrap: 66 and 67 would stand where 2 and 3 do, which are for cs.
    var topics = new java.util.ArrayList<String>();
    for (int i = 0; i < 70; i++) {
      topics.add("{\"slug\": \"t" + i + "\", \"include\": [\"field x" + (100 + i) + "\"], \"categories\": [\""
          + (i == 1 || i == 67 ? "math" : "cs") + "\"]}");
    }
    List<Topic> many = TopicsConfig.parse("{\"topics\": [" + String.join(", ", topics) + "]}", "test");
    var got = assign(many,
        paper("1", "On field x166 and field x167", "Nothing here.", "cs.AI"),
        paper("2", "On field x166 and field x167", "Nothing here.", "math.AP"),
        paper("3", "On field x101 and field x102", "Nothing here.", "math.AP"));
    assertThat(got).isEqualTo(Map.of("1", List.of("t66:field x166:title"), "2", List.of("t67:field x167:title"),
        "3", List.of("t1:field x101:title")));
  }

  @Test
  void aOneWordTermMustBeAWholeWordInTitleAndAbstractPluralsIncluded() {
    var got = assign(
        paper("1", "LLMs at scale", "We study LLM-based agents.", "cs.CL"),
        paper("2", "LLM serving", "Nothing about it here.", "cs.CL"),
        paper("3", "Fast inference", "An LLM is used.", "cs.CL"),
        paper("4", "Llama and MLLM", "llama, MLLMs, LLMOps and allms.", "cs.CL"),
        paper("5", "llm", "(LLM)", "cs.LG"));
    assertThat(got.keySet()).containsExactly("1", "5");
    assertThat(got.get("1")).containsExactly("llm:llm:title+abstract");
  }

  @Test
  void aPhraseMayStandInTitleOrAbstractAcrossLineBreaks() {
    var got = assign(
        paper("1", "Towards Embodied AI", "A robot.", "cs.RO"),
        paper("2", "Robots", "We build embodied\n AI agents.", "cs.RO"),
        paper("3", "Embodied agents", "AI for robots.", "cs.RO"));
    assertThat(got.keySet()).containsExactly("1", "2");
    assertThat(got.get("1")).containsExactly("embodied_ai:embodied ai:title");
    assertThat(got.get("2")).containsExactly("embodied_ai:embodied ai:abstract");
  }

  @Test
  void aPhraseMatchesStemmedWithAtMostOneWordBetweenInOrderWithinASentence() {
    var got = assign(
        paper("1", "Dynamic Gaussian Splats", "A renderer.", "cs.CV"),
        paper("2", "Rendering", "We propose Gaussian Wave Splatting for holography.", "cs.GR"),
        paper("3", "Towards the embodiment of AI", "A survey.", "cs.AI"),
        paper("4", "Agents that embody AI", "A survey.", "cs.AI"),
        // Reversed, across a sentence end, or two words apart ("functions", "for"): no match.
        paper("5", "AI embodied in robots", "Splatting Gaussian kernels.", "cs.RO"),
        paper("6", "Mixtures", "We fit a Gaussian. Splatting is then used.", "cs.CV"),
        paper("7", "Kernels", "Gaussian functions for splatting.", "cs.CV"),
        paper("8", "Splat", "The gaussian splat of a point.", "cs.CV"),
        paper("9", "Surgery", "Toward surgical embodiment, where AI systems watch.", "cs.AI"),
        // A sentence end without its space, as abstracts that lost their line breaks have it.
        paper("10", "Humans", "A base for digital humans and embodied AI.However, more.", "cs.CV"));
    assertThat(got.keySet()).containsExactly("1", "10", "2", "3", "4", "8");
    assertThat(got.get("1")).containsExactly("gs:gaussian splatting:title");
    assertThat(got.get("2")).containsExactly("gs:gaussian splatting:abstract");
    assertThat(got.get("3")).containsExactly("embodied_ai:embodied ai:title");
    assertThat(got.get("4")).containsExactly("embodied_ai:embodied ai:title");
  }

  @Test
  void excludeTermsRemoveAPaper() {
    var got = assign(
        paper("1", "Agents for planning", "Agents plan.", "cs.AI"),
        paper("2", "Agents that learn", "Agents trained with reinforcement learning.", "cs.AI"),
        paper("3", "Agents that learn", "Agents and two reinforcement learnings.", "cs.AI"),
        paper("4", "Agents that learn", "Agents and reinforcement learningstyle.", "cs.AI"));
    // An exclude phrase accepts a plural on its last word, as a one-word term does; not a longer word.
    assertThat(got.keySet()).containsExactly("1", "4");
  }

  @Test
  void thePaperNeedsAnAllowedArchiveOrCategory() {
    var got = assign(
        paper("1", "LLM proofs", "An LLM proves lemmas.", "math.LO"),
        paper("2", "LLM proofs", "An LLM proves lemmas.", "math.LO", "cs.AI"),
        paper("3", "LLM statistics", "An LLM for statistics.", "stat.ML"),
        paper("4", "Black hole spins", "Spins.", "gr-qc"),
        paper("5", "Black hole jets", "Jets.", "astro-ph.HE"),
        paper("6", "Black hole galaxies", "Galaxies.", "astro-ph.GA"),
        paper("7", "LLM", "LLM", "physics.soc-ph"));
    assertThat(got.keySet()).containsExactly("2", "3", "4", "5");
  }

  @Test
  void aRegexMatchesCaseInsensitivelyInTitleOrAbstract() {
    var got = assign(paper("1", "Probing GPT4", "A study.", "cs.CL"));
    assertThat(got.get("1")).containsExactly("rx:gpt-?[345]:title");
  }

  @Test
  void aPaperInSeveralTopicsGetsARowForEach() {
    var got = assign(paper("1", "LLM agents for embodied AI", "LLM agents act.", "cs.AI"));
    assertThat(got.get("1")).containsExactly("agents:agent:title+abstract", "embodied_ai:embodied ai:title",
        "llm:llm:title+abstract");
  }

  @Test
  void aPatternThatWouldBacktrackForEverRunsInLinearTime() {
    // java.util.regex takes exponential time on this pair; RE2/J answers at once.
    List<Topic> topics = TopicsConfig.parse("""
        {"topics": [{"slug": "bt", "include_regex": ["(.*?,){11}P"]}]}""", "test");
    var df = TestSpark.session().createDataFrame(List.of(
        paper("1", "A title", "a,".repeat(40), "cs.AI"),
        paper("2", "A title", "a,".repeat(11) + "P", "cs.AI")), PAPERS);
    assertThat(KeywordRules.assign(df, topics).collectAsList()).extracting(r -> r.<String>getAs("id"))
        .containsExactly("2");
  }

  @Test
  void aTopicWithHundredsOfExcludeTermsStillCompiles() {
    var excludes = new java.util.ArrayList<String>();
    for (int i = 0; i < TopicsConfig.MAX_TERMS; i++) {
      excludes.add("\"word" + i + "\"");
    }
    List<Topic> topics = TopicsConfig.parse("{\"topics\": [{\"slug\": \"llm\", \"include\": [\"llm\"], "
        + "\"exclude\": [" + String.join(", ", excludes) + "]}]}", "test");
    var df = TestSpark.session().createDataFrame(List.of(
        paper("1", "LLM serving", "LLM inference.", "cs.CL"),
        paper("2", "LLM word499 serving", "LLM inference.", "cs.CL")), PAPERS);
    assertThat(KeywordRules.assign(df, topics).collectAsList()).extracting(r -> r.<String>getAs("id"))
        .containsExactly("1");
  }
}
