package org.arxivdigest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class TermPhrasesTest {
  private static final StructType LISTED_TEXT = new StructType()
      .add("topic", DataTypes.StringType).add("month", DataTypes.StringType).add("id", DataTypes.StringType)
      .add("version", DataTypes.IntegerType).add("title", DataTypes.StringType)
      .add("abstract", DataTypes.StringType);

  private static Dataset<Row> frame(StructType schema, List<Object[]> rows) {
    var list = new ArrayList<Row>();
    rows.forEach(r -> list.add(RowFactory.create(r)));
    return TestSpark.session().createDataFrame(list, schema);
  }

  /** A trending row of rank {@code rank} whose term is in {@code papers} of the month's 20 papers. */
  private static Object[] trending(String term, int rank, long papers) {
    return new Object[] {"t", "2026_05", rank, term, term, 10.0 - rank, 1.0, papers, 20L, 1L, 100L, 12};
  }

  /** The trending terms as {@link TermPhrases} shows them on these listings, by rank. */
  private static List<Row> shown(List<Object[]> listings, Object[]... trending) {
    return shown(List.of(), listings, trending);
  }

  /** As {@link #shown(List, Object[][])}, with the keywords of topic {@code t}. */
  private static List<Row> shown(List<String> keywords, List<Object[]> listings, Object[]... trending) {
    List<Topic> topics = keywords.isEmpty() ? List.of() : TopicsConfig.parse("{\"topics\": [{\"slug\": \"t\", "
        + "\"name\": \"T\", \"include\": [\"" + String.join("\", \"", keywords) + "\"]}]}", "test");
    return TermPhrases.of(frame(Schemas.TRENDING_TERMS, List.of(trending)), frame(LISTED_TEXT, listings), topics)
        .orderBy("rank").collectAsList();
  }

  private static void paper(List<Object[]> listings, String id, String text) {
    listings.add(new Object[] {"t", "2026_05", id, 1, "A title", text});
  }

  @Test
  void aWordBeforeOrAfterATermInThreeQuartersOfItsPapersMakesTheLongerPhraseIfThatIsANounPhrase() {
    TopicTerms none = TopicTerms.NONE;
    assertThat(TermPhrases.shown("hop qa", "multi", null, null, none)).isEqualTo("multi hop qa");
    assertThat(TermPhrases.shown("character error", null, "rate", null, none)).isEqualTo("character error rate");
    // A gerund ends a noun phrase though a tagger mostly calls it a verb.
    assertThat(TermPhrases.shown("message", null, "passing", null, none)).isEqualTo("message passing");
    // A word before it that cannot modify a noun is not part of its phrase: the term stays as it is.
    assertThat(TermPhrases.shown("gemini", "using", null, null, none)).isEqualTo("gemini");
    // A piece of a phrase that does not end in a noun names nothing: left out.
    assertThat(TermPhrases.shown("recent feed", null, "forward", null, none)).isNull();
    assertThat(TermPhrases.shown("verifier", null, null, null, none)).isEqualTo("verifier");
    // A phrase with a one-word keyword of the topic is not shown (llm: no term with "llm"), the term is; a phrase
    // keyword's phrases that say more are.
    TopicTerms llm = TopicTerms.of(List.of("llm"));
    assertThat(TermPhrases.shown("judge evaluation", "llm", null, null, llm)).isEqualTo("judge evaluation");
    assertThat(TermPhrases.shown("judge evaluation", null, "llms", null, llm)).isEqualTo("judge evaluation");
    // So too before it: "sign language" names a language, though its papers write "sign language translation".
    TopicTerms translation = TopicTerms.of(List.of("machine translation", "translation"));
    assertThat(TermPhrases.shown("sign language", null, "translation", null, translation)).isEqualTo("sign language");
    TopicTerms splatting = TopicTerms.of(List.of("gaussian splatting"));
    assertThat(TermPhrases.shown("4d gaussian", null, "splatting", null, splatting))
        .isEqualTo("4d gaussian splatting");
    // But a term that names nothing ("modern diffusion", on the list) is not saved by the rest of the keyword.
    TopicTerms diffusion = TopicTerms.of(List.of("diffusion model", "diffusion models"));
    assertThat(TermPhrases.shown("modern diffusion", null, "models", null, diffusion)).isNull();
    assertThat(TermPhrases.shown("modern diffusion", null, "models", null, none)).isEqualTo("modern diffusion models");
    // Words nested on both sides make the phrase on both ("multi-view depth estimation"); a word before that cannot
    // modify a noun still is not part of it.
    TopicTerms depth = TopicTerms.of(List.of("depth estimation"));
    assertThat(TermPhrases.shown("view depth", "multi", "estimation", null, depth))
        .isEqualTo("multi view depth estimation");
    assertThat(TermPhrases.shown("hop qa", "using", "benchmarks", null, none)).isEqualTo("hop qa benchmarks");
  }

  @Test
  void theTopicsOwnKeywordAbbreviatedIsTheTopicSaidAgain() {
    TopicTerms lm = TopicTerms.of(List.of("language model", "language models"));
    // "LMs" written after "language models" in its papers: the topic itself. "VLMs" stands for more: kept.
    assertThat(TermPhrases.shown("lms", null, null, "language models", lm)).isNull();
    assertThat(TermPhrases.shown("vlms", null, null, "vision language models", lm)).isEqualTo("vlms");
    assertThat(TermPhrases.shown("cv", null, null, "computer vision", TopicTerms.of(List.of("computer vision"))))
        .isNull();
    // An abbreviation of more than a keyword is kept, also where the keyword is one word that leaves out every term
    // with it (the eighteenth reading's "UMMs" in a topic of "multimodal").
    assertThat(TermPhrases.shown("umms", null, null, "unified multimodal models", TopicTerms.of(List.of("multimodal"))))
        .isEqualTo("umms");
    // In another topic "CV" is kept, and so is an abbreviation no paper of the month spells out.
    assertThat(TermPhrases.shown("cv", null, null, "computer vision", lm)).isEqualTo("cv");
    assertThat(TermPhrases.shown("lms", null, null, null, lm)).isEqualTo("lms");
  }

  /** The words an abbreviation stands for where {@code text} writes it (the word {@code word} of the text). */
  private static String definedAt(String text, String word) {
    var words = new WrittenForms(text);
    org.arxivdigest.classify.tfidf.DocumentTerms.forEachPlacedWord(text, words::add);
    for (int i = 0; i < words.size(); i++) {
      if (words.word(i).equals(word)) {
        return TermPhrases.Neighbors.definedAt(words, i);
      }
    }
    throw new AssertionError(word + " not in " + text);
  }

  @Test
  void anAbbreviationIsReadAsTheWordsBeforeItWhoseInitialsItIs() {
    assertThat(definedAt("Small language models (SLMs) and language models (LMs) differ.", "slms"))
        .isEqualTo("small language models");
    assertThat(definedAt("Advances in computer vision (CV) are fast.", "cv")).isEqualTo("computer vision");
    // Stop words are not words here, as the terms read them: "retrieval-augmented generation (RAG)".
    assertThat(definedAt("We use retrieval-augmented generation (RAG).", "rag"))
        .isEqualTo("retrieval augmented generation");
    // Initials that do not match, words not one phrase, an abbreviation next to them, or one letter: no definition.
    assertThat(definedAt("Big models (LMs) are big.", "lms")).isNull();
    assertThat(definedAt("The language. Models (LM) are big.", "lm")).isNull();
    assertThat(definedAt("We train language-model LM-style.", "lm")).isNull();
    assertThat(definedAt("A model of language (LM).", "lm")).isNull();
  }

  @Test
  void aTermOrPhraseThatNamesNothingIsLeftOutAsItWouldBeShown() {
    TopicTerms none = TopicTerms.NONE;
    // On the list of data/reference/unnamed_terms.txt (a sentence encoder's reading): vague nouns, fragments.
    assertThat(TermPhrases.shown("final answer", null, null, null, none)).isNull();
    assertThat(TermPhrases.shown("pro", null, null, null, none)).isNull();
    // What is judged is what would be shown: the fragment made longer names a model.
    assertThat(TermPhrases.shown("pro", "gemini", null, null, none)).isEqualTo("gemini pro");
    // A term the list's corpus never had (a new model's name) is kept.
    assertThat(TermPhrases.shown("qwen9", null, null, null, none)).isEqualTo("qwen9");
  }

  @Test
  void theListOfTermsThatNameNothingHoldsTermsAsTheScorerWritesThem() throws Exception {
    List<String> lines;
    try (var in = UnnamedTerms.class.getResourceAsStream(UnnamedTerms.RESOURCE)) {
      lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
    // Sorted and distinct (made so, and so a change to it reads as a diff), lower case, one or two words (the terms
    // scored), or three (a phrase shown, as a person read it: "long horizon gui").
    assertThat(lines).hasSizeGreaterThan(10_000).isSorted().doesNotHaveDuplicates()
        .allMatch(t -> t.matches("[\\p{Ll}\\p{Nd}]+( [\\p{Ll}\\p{Nd}]+){0,2}"), "lower-case words, one space");
    assertThat(lines).contains("final answer", "correct answers").doesNotContain("gemini", "message passing");
    assertThat(UnnamedTerms.contains("final answer")).isTrue();
    // What the readings judged decides over the encoder: "long horizon" (naming nothing in five of seven readings)
    // is listed, "facts" (naming in both) is not.
    assertThat(lines).contains("long horizon").doesNotContain("facts", "open vocabulary");
  }

  @Test
  void aQuantityNamesNothingAndAModelSizeDoes() {
    TopicTerms none = TopicTerms.NONE;
    assertThat(TermPhrases.shown("7k", null, null, null, none)).isNull();
    assertThat(TermPhrases.shown("128k", null, null, null, none)).isNull();
    assertThat(TermPhrases.shown("3x", null, null, null, none)).isNull();
    // A model's size, a number alone or a name with a digit stay.
    assertThat(TermPhrases.shown("7b", null, null, null, none)).isEqualTo("7b");
    assertThat(TermPhrases.shown("360", null, null, null, none)).isEqualTo("360");
    assertThat(TermPhrases.shown("k2", null, null, null, none)).isEqualTo("k2");
  }

  @Test
  void onPapersTermsAreShownAsTheirPapersWriteThemAndRankedAgain() {
    var listings = new ArrayList<Object[]>();
    for (int i = 0; i < 4; i++) {
      paper(listings, "a" + i, "We study multi-hop QA with retrieval. Recent feed-forward methods fail.");
    }
    // "hop qa" in a fifth paper without "multi": 4 of 5 (80%).
    paper(listings, "b", "Hop QA needs two steps.");
    // "verifier" has a different word before it in each paper: shown as it is.
    paper(listings, "c1", "A symbolic verifier.");
    paper(listings, "c2", "The neural verifier.");
    paper(listings, "c3", "An efficient verifier.");
    // "critic" is written "critic model" in 2 of its 4 papers (50%): as it is. Across punctuation or a stop word,
    // or a number after it, a word is not next to it.
    paper(listings, "d1", "The critic model.");
    paper(listings, "d2", "A critic model again.");
    paper(listings, "d3", "The critic (model) and the critic of model.");
    paper(listings, "d4", "Critic 2026 version.");
    // An older version in the month is not read: its words would make "verifier" a "symbolic verifier" in 3 of 3.
    listings.add(new Object[] {"t", "2026_05", "c2", 0, "A title", "The symbolic verifier."});
    listings.add(new Object[] {"t", "2026_05", "c3", 0, "A title", "The symbolic verifier."});
    List<Row> rows = shown(listings, trending("hop qa", 1, 5), trending("recent feed", 2, 4),
        trending("multi hop qa", 3, 5), trending("verifier", 4, 3), trending("final answer", 5, 6),
        trending("critic", 6, 4));
    // "final answer" names nothing (UnnamedTerms): left out, and "critic" moves up.
    assertThat(rows).extracting(r -> r.<String>getAs("term"))
        .containsExactly("multi hop qa", "verifier", "critic");
    assertThat(rows).extracting(r -> r.<Integer>getAs("rank")).containsExactly(1, 2, 3);
    // The shown phrase keeps the scored term's figures (the first of two rows that become one phrase).
    assertThat(rows.get(0).<Double>getAs("score")).isEqualTo(9.0);
    assertThat(rows.get(0).<Long>getAs("papers_with_term")).isEqualTo(5L);
    assertThat(rows.get(0).schema()).isEqualTo(Schemas.TRENDING_TERMS);
    // Labelled as the abstracts write what is shown: the longer phrase with its hyphen; the others as written.
    assertThat(rows).extracting(r -> r.<String>getAs("label"))
        .containsExactly("multi-hop QA", "verifier", "critic");
  }

  @Test
  void aTermIsLabelledAsMostOfItsPapersWriteItInRunningText() {
    var listings = new ArrayList<Object[]>();
    // Three papers write HotpotQA, one HotPotQA, and one begins a sentence in lower case, as no name is written.
    for (int i = 0; i < 3; i++) {
      paper(listings, "h" + i, "We evaluate on HotpotQA and more.");
    }
    paper(listings, "h3", "We evaluate on HotPotQA and more.");
    paper(listings, "h4", "Results. hotpotqa is hard.");
    // Chunks begins sentences in three papers; running text writes "chunks" in two: the running text's.
    for (int i = 0; i < 3; i++) {
      paper(listings, "c" + i, "Chunks are short. We split text into units.");
    }
    paper(listings, "c3", "We retrieve chunks.");
    paper(listings, "c4", "Short chunks help.");
    // A number between a term's words is not shown (the term counts every version): "Gemini Flash". A title is
    // capitalized as titles are, and is not read for labels.
    paper(listings, "g0", "We test Gemini 2.5 Flash today.");
    paper(listings, "g1", "We test Gemini 3 Flash today.");
    paper(listings, "g2", "We test gemini-flash today.");
    listings.add(new Object[] {"t", "2026_05", "g3", 1, "Gemini Flash Wins", "A model."});
    listings.add(new Object[] {"t", "2026_05", "g4", 1, "Gemini Flash Wins", "A model."});
    // Markup between words ("encoder](javascript:x) decoder") is not kept: one space.
    for (int i = 0; i < 2; i++) {
      paper(listings, "e" + i, "An encoder](javascript:x)decoder and an encoder/decoder.");
    }
    List<Row> rows = shown(listings, trending("hotpotqa", 1, 5), trending("chunks", 2, 5),
        trending("gemini flash", 3, 5), trending("encoder decoder", 4, 2));
    assertThat(rows).extracting(r -> r.<String>getAs("term"))
        .containsExactly("hotpotqa", "chunks", "gemini flash", "encoder decoder");
    assertThat(rows).extracting(r -> r.<String>getAs("label"))
        .containsExactly("HotpotQA", "chunks", "Gemini Flash", "encoder decoder");
  }

  @Test
  void onPapersAWordAndItsPluralAreOneNeighbourBothSidesMakeThePhraseAndTheTopicsAbbreviationIsLeftOut() {
    var listings = new ArrayList<Object[]>();
    // "connection" in two papers and "connections" in two: one word after "skip" in all four.
    paper(listings, "s0", "We add skip connections to the model.");
    paper(listings, "s1", "Dense skip connections help.");
    paper(listings, "s2", "A skip connection is added.");
    paper(listings, "s3", "Each skip connection helps.");
    // "view depth" has "multi" before it and "estimation" after it in all of its papers.
    for (int i = 0; i < 4; i++) {
      paper(listings, "v" + i, "We study multi-view depth estimation in the wild.");
    }
    // "LMs" abbreviates the topic's keyword in one of its papers: left out; "VLMs" abbreviates more: kept.
    paper(listings, "l0", "Language models (LMs) and vision-language models (VLMs) grow.");
    paper(listings, "l1", "Small LMs and VLMs.");
    List<Row> rows = shown(List.of("language model", "language models"), listings, trending("skip", 1, 4),
        trending("view depth", 2, 4), trending("lms", 3, 2), trending("vlms", 4, 2));
    assertThat(rows).extracting(r -> r.<String>getAs("term"))
        .containsExactly("skip connection", "multi view depth estimation", "vlms");
    assertThat(rows).extracting(r -> r.<String>getAs("label"))
        .containsExactly("skip connection", "multi-view depth estimation", "VLMs");
  }
}
