package org.arxivdigest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

class TopicsConfigTest {

  private static List<Topic> parse(String topicsJson) {
    return TopicsConfig.parse("{\"topics\": [" + topicsJson + "]}", "topics.json");
  }

  @Test
  void theShippedConfigHasTheSitesTopicsWithTheirRules() {
    List<Topic> topics = TopicsConfig.load(TestSpark.repo().resolve("data/topics.json").toString(),
        new Configuration());
    assertThat(topics).extracting(Topic::slug).contains("llm", "embodied_ai", "gaussian_splatting");
    Topic llm = topics.get(0);
    assertThat(llm.include()).containsExactly("llm");
    assertThat(llm.categories()).containsExactly("cs", "stat");
    assertThat(llm.listing()).isEqualTo(Topic.Listing.VERSIONS);
    assertThat(llm.format()).isEqualTo(Topic.Format.TABLE);
    assertThat(topics.stream().filter(t -> t.slug().equals("embodied_ai")).findFirst().orElseThrow().format())
        .isEqualTo(Topic.Format.CARDS);
  }

  @Test
  void trainPositiveTermsAreNormalizedLikeTheOthersAndDefaultToNone() {
    Topic t = parse("{\"slug\": \"x\", \"include\": [\"llm\"], "
        + "\"train_positive\": [\"Large  Language Model\", \"VLM\"]}").get(0);
    assertThat(t.trainPositive()).containsExactly("large language model", "vlm");
    assertThat(parse("{\"slug\": \"x\", \"include\": [\"llm\"]}").get(0).trainPositive()).isEmpty();
    assertThatThrownBy(() -> parse("{\"slug\": \"x\", \"include\": [\"llm\"], \"train_positive\": [\" \"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("train_positive");
    List<Topic> shipped = TopicsConfig.load(TestSpark.repo().resolve("data/topics.json").toString(),
        new Configuration());
    assertThat(shipped.get(0).trainPositive()).contains("mllm", "vision-language model", "rag");
  }

  @Test
  void defaultsAreTheSitesRule() {
    Topic t = parse("{\"slug\": \"x\", \"include\": [\"Gaussian   Splatting\"]}").get(0);
    assertThat(t.name()).isEqualTo("x");
    assertThat(t.include()).containsExactly("gaussian splatting");
    assertThat(t.categories()).containsExactly("cs", "stat");
    assertThat(t.listing()).isEqualTo(Topic.Listing.VERSIONS);
    assertThat(t.format()).isEqualTo(Topic.Format.TABLE);
  }

  @Test
  void anUnknownFieldNamesTheTopicAndTheField() {
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include\": [\"llm\"], \"includes\": [\"x\"]}"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("topic \"llm\"").hasMessageContaining("unknown field \"includes\"");
  }

  @Test
  void aSlugThatCouldEscapeTheOutputFolderIsRefused() {
    for (String slug : List.of("../etc", "LLM", "a/b", "", "llm ")) {
      assertThatThrownBy(() -> parse("{\"slug\": \"" + slug + "\", \"include\": [\"llm\"]}"))
          .as(slug).isInstanceOf(UsageException.class).hasMessageContaining("field \"slug\"");
    }
  }

  @Test
  void anEmptyTermListIsRefused() {
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include\": []}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("topic \"llm\"")
        .hasMessageContaining("field \"include\"");
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include\": [\"  \"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"include\"");
  }

  @Test
  void aBadRegexIsRefused() {
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include_regex\": [\"(llm\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("topic \"llm\"")
        .hasMessageContaining("field \"include_regex\"").hasMessageContaining("(llm");
  }

  @Test
  void regexesAreRe2AndOnesThatMatchNothingInParticularAreRefused() {
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include_regex\": [\"(a)\\\\1\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"include_regex\"")
        .hasMessageContaining("RE2 syntax");
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include_regex\": [\"llm(?=s)\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("RE2 syntax");
    for (String empty : List.of("x*", "llm|", "\\\\b", "^")) {
      assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include\": [\"llm\"], \"exclude_regex\": [\""
          + empty + "\"]}")).as(empty).isInstanceOf(UsageException.class)
          .hasMessageContaining("field \"exclude_regex\"").hasMessageContaining("empty string");
    }
    assertThat(parse("{\"slug\": \"llm\", \"include_regex\": [\"\\\\bllms?\\\\b\", \"(.*?,){11}P\"]}").get(0)
        .includeRegex()).hasSize(2);
  }

  @Test
  void aSlugOrATermListTooLongIsRefusedBeforeAnythingRuns() {
    String slug = "a".repeat(300);
    assertThatThrownBy(() -> parse("{\"slug\": \"" + slug + "\", \"include\": [\"llm\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"slug\"");
    String many = String.join(", ", java.util.Collections.nCopies(TopicsConfig.MAX_TERMS + 1, "\"w\""));
    assertThatThrownBy(() -> parse("{\"slug\": \"llm\", \"include\": [\"llm\"], \"exclude\": [" + many + "]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"exclude\"")
        .hasMessageContaining("at most " + TopicsConfig.MAX_TERMS);
  }

  @Test
  void badChoicesCategoriesAndRepeatsAreRefused() {
    assertThatThrownBy(() -> parse("{\"slug\": \"a\", \"include\": [\"x\"], \"listing\": \"all\"}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"listing\"");
    assertThatThrownBy(() -> parse("{\"slug\": \"a\", \"include\": [\"x\"], \"format\": \"pdf\"}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"format\"");
    assertThatThrownBy(() -> parse("{\"slug\": \"a\", \"include\": [\"x\"], \"categories\": [\"CS\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"categories\"");
    assertThatThrownBy(() -> parse("{\"slug\": \"a\", \"include\": [\"x\"]}, {\"slug\": \"a\", \"include\": [\"y\"]}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("defined twice");
    assertThatThrownBy(() -> TopicsConfig.parse("{\"topics\": [", "t.json"))
        .isInstanceOf(UsageException.class).hasMessageContaining("not valid JSON");
  }

  @Test
  void methodAndThresholdDefaultToTheKeywordRuleAndAreChecked() {
    Topic t = parse("{\"slug\": \"x\", \"include\": [\"x\"]}").get(0);
    assertThat(t.method()).isEqualTo(Topic.Method.KEYWORD);
    assertThat(t.threshold()).isEqualTo(0.5);
    Topic c = parse("{\"slug\": \"x\", \"include\": [\"x\"], \"method\": \"combined\", \"threshold\": 0.8}")
        .get(0);
    assertThat(c.method()).isEqualTo(Topic.Method.COMBINED);
    assertThat(c.threshold()).isEqualTo(0.8);
    assertThatThrownBy(() -> parse("{\"slug\": \"x\", \"include\": [\"x\"], \"threshold\": 2}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"threshold\"");
  }

  @Test
  void pagesSayWhyByDefaultOnlyWhenTheReasonDiffersBetweenEntries() {
    assertThat(parse("{\"slug\": \"x\", \"include\": [\"x\"]}").get(0).why()).isFalse();
    assertThat(parse("{\"slug\": \"x\", \"include\": [\"x\"], \"method\": \"tfidf\"}").get(0).why()).isTrue();
    assertThat(parse("{\"slug\": \"x\", \"include\": [\"x\"], \"why\": true}").get(0).why()).isTrue();
    assertThatThrownBy(() -> parse("{\"slug\": \"x\", \"include\": [\"x\"], \"why\": \"yes\"}"))
        .isInstanceOf(UsageException.class).hasMessageContaining("field \"why\"");
  }
}
