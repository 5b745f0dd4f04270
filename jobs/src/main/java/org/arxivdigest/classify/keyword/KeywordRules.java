package org.arxivdigest.classify.keyword;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
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
import java.util.function.Function;
import java.util.regex.Pattern;
import org.arxivdigest.normalize.Categories;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;

/**
 * The digest sites' keyword rule, compiled from the topic config to Spark column expressions:
 * <ul>
 *   <li>a one-word term occurs as a whole word (case-insensitive, plural "s" accepted) in the title AND in the
 *       abstract;</li>
 *   <li>a phrase (several words) occurs in the title OR the abstract as arXiv's search finds it: stemmed (English),
 *       its words in order in one sentence, at most {@value StemmedPhrase#SLOP} word between them
 *       ({@link StemmedPhrase});</li>
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

  /**
   * Whole phrase, any whitespace between its words, plural accepted on its last word as on a one-word term:
   * "embodied ai" matches "Embodied\n AI", "language model" matches "language models".
   */
  static String phraseRegex(String phrase) {
    var words = new ArrayList<String>();
    for (String w : phrase.split(" ")) {
      words.add(Pattern.quote(w));
    }
    return "(?iu)" + START + String.join("\\s+", words) + "s?" + END;
  }

  public static boolean isPhrase(String term) {
    return term.contains(" ");
  }

  /**
   * A cheap necessary condition for the term's regex: every word of the term occurs in the lower-cased text as a
   * plain substring (a byte scan, no regex). Only texts that pass it run the regex, so a term costs a regex on the
   * few papers that mention it instead of on every paper.
   */
  static Column mayContain(String term, Function<String, Column> has) {
    Column all = lit(true);
    for (String w : words(term)) {
      all = all.and(has.apply(w));
    }
    return all;
  }

  /** The lower-cased words of a term, as {@link #mayContain} looks for them. */
  static List<String> words(String term) {
    return List.of(term.toLowerCase(java.util.Locale.ROOT).split(" "));
  }

  /** True when the word (plural too) or phrase occurs in the text ({@code has}: which words its lower case holds). */
  static Column termIn(String term, Column text, Function<String, Column> has) {
    return mayContain(term, has).and(text.rlike(isPhrase(term) ? phraseRegex(term) : wordRegex(term)));
  }

  /**
   * Where an include term matches (a field label), or null. A phrase matches stemmed ({@link StemmedPhrase}):
   * {@code titlePhrase}, {@code abstractPhrase} say where the texts hold it ({@link PhraseMasks}).
   */
  static Column includeMatch(String term, Fields f, Function<StemmedPhrase, Column> titlePhrase,
                             Function<StemmedPhrase, Column> abstractPhrase) {
    if (isPhrase(term)) {
      StemmedPhrase phrase = new StemmedPhrase(term);
      if (phrase.stems().isEmpty()) { // only stop words: as written
        return when(termIn(term, f.title, f.titleHas), lit(IN_TITLE))
            .when(termIn(term, f.abstractText, f.abstractHas), lit(IN_ABSTRACT));
      }
      return when(titlePhrase.apply(phrase), lit(IN_TITLE)).when(abstractPhrase.apply(phrase), lit(IN_ABSTRACT));
    }
    return when(termIn(term, f.title, f.titleHas).and(termIn(term, f.abstractText, f.abstractHas)),
        lit(IN_TITLE_AND_ABSTRACT));
  }

  /** Where a topic's regex ({@link Re2Find}) occurs: in the title, else in the abstract; null if in neither. */
  static Column regexMatch(String regex, Column title, Column abstractText) {
    UserDefinedFunction find = udf(new Re2Find(regex), DataTypes.BooleanType).asNonNullable();
    return when(find.apply(title), lit(IN_TITLE)).when(find.apply(abstractText), lit(IN_ABSTRACT));
  }

  /** Title and abstract (null as empty), and which words each holds, lower-cased, for {@link #mayContain}. */
  record Fields(Column title, Column abstractText, Function<String, Column> titleHas,
                Function<String, Column> abstractHas) {
    /** Words looked up with {@code contains} on the lower-cased texts. */
    static Fields of(Column title, Column abstractText) {
      Column tl = lower(title);
      Column al = lower(abstractText);
      return new Fields(title, abstractText, w -> tl.contains(lit(w)), w -> al.contains(lit(w)));
    }
  }

  /**
   * The first include term (config order) that matches, as struct(term, field); null if none. A chain of
   * {@code coalesce}: the generated code stops at the first hit, and no higher-order function (interpreted) runs.
   */
  static Column firstHit(Topic topic, Fields f, Function<StemmedPhrase, Column> titlePhrase,
                         Function<StemmedPhrase, Column> abstractPhrase) {
    var hits = new ArrayList<Column>();
    // "diffusion model" and "diffusion models" stem alike: the second can never match where the first did not.
    var seen = new java.util.HashSet<List<String>>();
    for (String term : topic.include()) {
      if (isPhrase(term) && !seen.add(new StemmedPhrase(term).stems())) {
        continue;
      }
      Column field = includeMatch(term, f, titlePhrase, abstractPhrase);
      hits.add(when(field.isNotNull(), struct(lit(term).as(TERM), field.as(FIELD))));
    }
    for (String regex : topic.includeRegex()) {
      Column field = regexMatch(regex, f.title, f.abstractText);
      hits.add(when(field.isNotNull(), struct(lit(regex).as(TERM), field.as(FIELD))));
    }
    return hits.size() == 1 ? hits.get(0) : coalesce(hits.toArray(Column[]::new));
  }

  static Column excluded(Topic topic, Fields f) {
    return anywhere(topic.exclude(), topic.excludeRegex(), f);
  }

  /** True when one of the words / phrases (plural accepted) or regexes occurs in the title or the abstract. */
  private static Column anywhere(List<String> terms, List<String> regexes, Fields f) {
    var any = new ArrayList<Column>();
    for (String term : terms) {
      any.add(termIn(term, f.title, f.titleHas).or(termIn(term, f.abstractText, f.abstractHas)));
    }
    for (String regex : regexes) {
      any.add(regexMatch(regex, f.title, f.abstractText).isNotNull());
    }
    return anyOf(any);
  }

  /**
   * The OR of the conditions as a balanced tree: a chain of thousands ({@code a or b or c ...}) is as deep as it is
   * long, and Spark's analyzer and code generator recurse over it until the stack overflows.
   */
  static Column anyOf(List<Column> conditions) {
    if (conditions.isEmpty()) {
      return lit(false);
    }
    if (conditions.size() == 1) {
      return conditions.get(0);
    }
    int half = conditions.size() / 2;
    return anyOf(conditions.subList(0, half)).or(anyOf(conditions.subList(half, conditions.size())));
  }

  /**
   * True when an include or related term (word, plural too, or phrase) or an include regex occurs anywhere in the
   * title or the abstract, whether or not the rule is met: such papers are neither clear positives nor clear
   * negatives.
   */
  public static Column mentions(Topic topic) {
    var terms = new ArrayList<>(topic.include());
    terms.addAll(topic.related());
    return anywhere(terms, topic.includeRegex(), Fields.of(coalesce(col(TITLE), lit("")),
        coalesce(col(ABSTRACT), lit(""))));
  }

  /**
   * True when one of the topic's {@code train_positive} terms occurs in the title and in the abstract (a word as a
   * whole word, a phrase as written with any white space between its words; plural too): a positive example for
   * the topic's model beside the rule's matches. False when the topic has none.
   */
  public static Column trainPositive(Topic topic) {
    Fields f = Fields.of(coalesce(col(TITLE), lit("")), coalesce(col(ABSTRACT), lit("")));
    var any = new ArrayList<Column>();
    for (String term : topic.trainPositive()) {
      any.add(termIn(term, f.title, f.titleHas).and(termIn(term, f.abstractText, f.abstractHas)));
    }
    return anyOf(any);
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

  /**
   * True when one of the paper's categories, or its archive ({@link Categories#archives} of the categories), is
   * allowed for the topic. Array overlaps, compiled to code, rather than a lambda per category and topic.
   */
  public static Column categoryAllowed(Topic topic, Column categories, Column archives) {
    Column allowed = array(topic.categories().stream().map(c -> lit(c)).toArray(Column[]::new));
    return arrays_overlap(categories, allowed).or(arrays_overlap(archives, allowed));
  }

  /** As {@link #categoryAllowed(Topic, Column, Column)}, the archives computed here. */
  public static Column categoryAllowed(Topic topic, Column categories) {
    return categoryAllowed(topic, categories, Categories.archives(categories));
  }

  /**
   * Papers to keyword assignments: (topic, id, method "keyword", term, field, score null), one row per topic a
   * paper belongs to. One pass over the papers for all topics; title and abstract are lower-cased once per paper,
   * a term's regex runs only where its words occur ({@link #mayContain}), a topic's terms only where its
   * categories allow it, and its exclude terms only where an include term hit.
   */
  public static Dataset<Row> assign(Dataset<Row> papers, List<Topic> topics) {
    String t = "_title";
    String a = "_abstract";
    String archivesCol = "_archives";
    String tw = "_title_words";
    String aw = "_abstract_words";
    WordMasks words = WordMasks.of(topics);
    // Own columns: the word masks are referenced by every term, so the optimizer keeps them computed once.
    var textColumns = new ArrayList<Column>(List.of(col(ID), col(CATEGORIES),
        Categories.archives(col(CATEGORIES)).as(archivesCol), col(t), col(a)));
    textColumns.addAll(words.masks(col(t), tw));
    textColumns.addAll(words.masks(col(a), aw));
    Dataset<Row> masked = papers.select(col(ID), col(CATEGORIES), coalesce(col(TITLE), lit("")).as(t),
            coalesce(col(ABSTRACT), lit("")).as(a))
        .select(textColumns.toArray(Column[]::new));
    // The phrases' masks: own columns too, over the word masks, each text analyzed once for the phrases it may hold
    // of the topics its categories allow.
    String tp = "_title_phrases";
    String ap = "_abstract_phrases";
    PhraseMasks phrases = PhraseMasks.of(topics);
    Function<Topic, Column> allowed = topic -> categoryAllowed(topic, col(CATEGORIES), col(archivesCol));
    var phraseColumns = new ArrayList<Column>();
    for (String c : masked.columns()) {
      phraseColumns.add(col(c));
    }
    phraseColumns.addAll(phrases.masks(col(t), w -> words.has(w, tw), allowed, tp));
    phraseColumns.addAll(phrases.masks(col(a), w -> words.has(w, aw), allowed, ap));
    Dataset<Row> text = masked.select(phraseColumns.toArray(Column[]::new));
    Fields f = new Fields(col(t), col(a), w -> words.has(w, tw), w -> words.has(w, aw));
    var hitColumns = new ArrayList<Column>(List.of(col(ID), col(t), col(a)));
    for (String c : text.columns()) {
      if (c.startsWith(tw) || c.startsWith(aw)) {
        hitColumns.add(col(c));
      }
    }
    var perTopic = new ArrayList<Column>();
    for (int i = 0; i < topics.size(); i++) {
      Topic topic = topics.get(i);
      hitColumns.add(when(categoryAllowed(topic, col(CATEGORIES), col(archivesCol)), firstHit(topic, f,
          p -> phrases.has(p, tp), p -> phrases.has(p, ap)))
          .as("_hit" + i));
      Column hit = col("_hit" + i);
      perTopic.add(when(hit.isNotNull().and(not(excluded(topic, f))),
          struct(lit(topic.slug()).as(TOPIC), hit.getField(TERM).as(TERM), hit.getField(FIELD).as(FIELD))));
    }
    String m = "_m";
    return text
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
}
