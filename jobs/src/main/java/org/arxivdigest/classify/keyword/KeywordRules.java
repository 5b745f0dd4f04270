package org.arxivdigest.classify.keyword;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.ABSTRACT;
import static org.arxivdigest.schema.Columns.CATEGORIES;
import static org.arxivdigest.schema.Columns.FIELD;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.METHOD;
import static org.arxivdigest.schema.Columns.SCORE;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TITLE;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;

/**
 * The digest sites' keyword rule, compiled from the topic config to Spark column expressions:
 * <ul>
 *   <li>a one-word term occurs as a whole word (case-insensitive, plural "s" accepted) in the title AND in the
 *       abstract;</li>
 *   <li>a phrase (several words) occurs, words separated by any whitespace, in the title OR the abstract;</li>
 *   <li>an {@code include_regex} matches (case-insensitive) the title OR the abstract;</li>
 *   <li>the paper has a category in the topic's archives or categories;</li>
 *   <li>no exclude term (whole word or phrase, plural accepted) nor exclude regex occurs in the title or abstract.
 *   </li>
 * </ul>
 */
public final class KeywordRules {
  private KeywordRules() {}

  public static final String METHOD_KEYWORD = "keyword";
  public static final String IN_TITLE_AND_ABSTRACT = "title+abstract";
  public static final String IN_TITLE = "title";
  public static final String IN_ABSTRACT = "abstract";

  private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";
  private static final String START = "(?<!" + WORD_CHAR + ")";
  private static final String END = "(?!" + WORD_CHAR + ")";

  /** Whole word, plural accepted: "llm" matches "LLM", "LLMs", "LLM-based", not "llama" nor "MLLM". */
  static String wordRegex(String word) {
    return "(?iu)" + START + Pattern.quote(word) + "s?" + END;
  }

  /** Whole phrase, any whitespace between its words: "embodied ai" matches "Embodied\n AI". */
  static String phraseRegex(String phrase) {
    var words = new ArrayList<String>();
    for (String w : phrase.split(" ")) {
      words.add(Pattern.quote(w));
    }
    return "(?iu)" + START + String.join("\\s+", words) + END;
  }

  static boolean isPhrase(String term) {
    return term.contains(" ");
  }

  /** Where an include term matches (a field label), or null. */
  static Column includeMatch(String term, Column title, Column abstractText) {
    if (isPhrase(term)) {
      String regex = phraseRegex(term);
      return when(title.rlike(regex), lit(IN_TITLE)).when(abstractText.rlike(regex), lit(IN_ABSTRACT));
    }
    String regex = wordRegex(term);
    return when(title.rlike(regex).and(abstractText.rlike(regex)), lit(IN_TITLE_AND_ABSTRACT));
  }

  static Column regexMatch(String regex, Column title, Column abstractText) {
    String r = "(?iu)" + regex;
    return when(title.rlike(r), lit(IN_TITLE)).when(abstractText.rlike(r), lit(IN_ABSTRACT));
  }

  /** The first include term (config order) that matches, as struct(term, field); null if none. */
  static Column firstHit(Topic topic, Column title, Column abstractText) {
    var hits = new ArrayList<Column>();
    for (String term : topic.include()) {
      hits.add(struct(lit(term).as(TERM), includeMatch(term, title, abstractText).as(FIELD)));
    }
    for (String regex : topic.includeRegex()) {
      hits.add(struct(lit(regex).as(TERM), regexMatch(regex, title, abstractText).as(FIELD)));
    }
    Column matched = filter(array(hits.toArray(Column[]::new)), h -> h.getField(FIELD).isNotNull());
    return try_element_at(matched, lit(1));
  }

  static Column excluded(Topic topic, Column title, Column abstractText) {
    return anywhere(topic.exclude(), topic.excludeRegex(), title, abstractText);
  }

  /** True when one of the words / phrases (plural accepted) or regexes occurs in the title or the abstract. */
  private static Column anywhere(List<String> terms, List<String> regexes, Column title, Column abstractText) {
    Column any = lit(false);
    for (String term : terms) {
      String regex = isPhrase(term) ? phraseRegex(term) : wordRegex(term);
      any = any.or(title.rlike(regex)).or(abstractText.rlike(regex));
    }
    for (String regex : regexes) {
      any = any.or(regexMatch(regex, title, abstractText).isNotNull());
    }
    return any;
  }

  /**
   * True when an include or related term (word, plural too, or phrase) or an include regex occurs anywhere in the
   * title or the abstract, whether or not the rule is met: such papers are neither clear positives nor clear
   * negatives.
   */
  public static Column mentions(Topic topic) {
    var terms = new ArrayList<>(topic.include());
    terms.addAll(topic.related());
    return anywhere(terms, topic.includeRegex(), coalesce(col(TITLE), lit("")), coalesce(col(ABSTRACT), lit("")));
  }

  /** One regex for every include term (word with plural, or phrase) and include regex of the topic. */
  public static String includeMask(Topic topic) {
    var alternatives = new ArrayList<String>();
    for (String term : topic.include()) {
      alternatives.add("(?:" + (isPhrase(term) ? phraseRegex(term) : wordRegex(term)) + ")");
    }
    for (String regex : topic.includeRegex()) {
      alternatives.add("(?:(?iu)" + regex + ")");
    }
    return String.join("|", alternatives);
  }

  /** True when one of the paper's categories, or its archive, is allowed for the topic. */
  public static Column categoryAllowed(Topic topic, Column categories) {
    Object[] allowed = topic.categories().toArray();
    return exists(categories, c -> c.isin(allowed).or(substring_index(c, ".", 1).isin(allowed)));
  }

  /**
   * Papers to keyword assignments: (topic, id, method "keyword", term, field, score null), one row per topic a
   * paper belongs to. One pass over the papers for all topics.
   */
  public static Dataset<Row> assign(Dataset<Row> papers, List<Topic> topics) {
    Column title = coalesce(col(TITLE), lit(""));
    Column abstractText = coalesce(col(ABSTRACT), lit(""));
    var perTopic = new ArrayList<Column>();
    var hitColumns = new ArrayList<Column>();
    for (int i = 0; i < topics.size(); i++) {
      Topic topic = topics.get(i);
      hitColumns.add(firstHit(topic, title, abstractText).as("_hit" + i));
      hitColumns.add(categoryAllowed(topic, col(CATEGORIES)).and(not(excluded(topic, title, abstractText)))
          .as("_ok" + i));
      Column hit = col("_hit" + i);
      perTopic.add(when(col("_ok" + i).and(hit.isNotNull()),
          struct(lit(topic.slug()).as(TOPIC), hit.getField(TERM).as(TERM), hit.getField(FIELD).as(FIELD))));
    }
    hitColumns.add(0, col(ID));
    String m = "_m";
    return papers
        .select(hitColumns.toArray(Column[]::new))
        .select(col(ID), explode(array(perTopic.toArray(Column[]::new))).as(m))
        .filter(col(m).isNotNull())
        .select(
            col(m).getField(TOPIC).as(TOPIC),
            col(ID),
            lit(METHOD_KEYWORD).as(METHOD),
            col(m).getField(TERM).as(TERM),
            col(m).getField(FIELD).as(FIELD),
            lit(null).cast(DataTypes.DoubleType).as(SCORE));
  }

  /** The rule in words, for the topic's README. */
  public static String describe(Topic topic) {
    var parts = new ArrayList<String>();
    for (String term : topic.include()) {
      parts.add(isPhrase(term) ? "the phrase \"" + term + "\" in the title or the abstract"
          : "the word \"" + term + "\" (or \"" + term + "s\") in both the title and the abstract");
    }
    for (String regex : topic.includeRegex()) {
      parts.add("the pattern `" + regex + "` in the title or the abstract");
    }
    String rule = String.join(", or ", parts) + "; a category in " + String.join(", ", topic.categories());
    if (!topic.exclude().isEmpty() || !topic.excludeRegex().isEmpty()) {
      var ex = new ArrayList<String>();
      topic.exclude().forEach(t -> ex.add("\"" + t + "\""));
      topic.excludeRegex().forEach(r -> ex.add("`" + r + "`"));
      rule += "; not " + String.join(", ", ex);
    }
    return rule + ".";
  }
}
