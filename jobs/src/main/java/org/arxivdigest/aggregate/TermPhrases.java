package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.config.Topic;
import org.arxivdigest.schema.Schemas;

/**
 * Trending terms as their papers write them. A term scored as a word or a 2-gram can be the piece of a longer phrase
 * that its papers nearly always write: "hop qa" of "multi-hop QA", "message" of "message passing", "character
 * error" of "character error rate", "recent feed" of "recent feed-forward (methods)". Term extraction calls such
 * a term nested, and lets the longer phrase stand for it (the C-value method: Frantzi, Ananiadou and Mima 2000,
 * "Automatic recognition of multi-word terms"). The share was chosen on the development months and the fourth
 * held-out set, both read before ({@code docs/trending-eval5.md} is its blind test). Here, after scoring: when at
 * least {@value #NESTED_SHARE} of a trending term's papers in the month write the same word right before it, or right
 * after it (next to it as the trending 2-grams are: {@link DocumentTerms#forEachTermWord}, not a stop word,
 * not across punctuation; not a number; a word and its plural as one: "skip connection" and "skip connections"), the
 * term is shown as that longer phrase, with the words on both sides when both are ("multi-view depth estimation" for
 * "view depth"). Its score and counts stay those of the term scored (the phrase is in at least that share of its
 * papers). The phrase must still be shaped like a noun phrase ({@link WordClasses}): a word before it must be able to
 * modify a noun, else it is not part of the phrase; a word after it must be able to end one, or be a gerund ("message
 * passing", "ray tracing"), else the term is a piece of something that names nothing ("recent feed-forward") and is
 * left out. The topic's keywords ({@link TopicTerms}) decide the rest ({@link #shown}): a word that would make a
 * phrase they leave out is not added (for {@code llm}, "judge evaluation", not "llm judge evaluation"); an
 * abbreviation its papers spell out as a keyword is the topic said again ("LMs" in a topic of language models), left
 * out. Two rows that become the same phrase are one, the higher ranked. Last, a term or phrase that names nothing by
 * the list of {@link UnnamedTerms} ("final answer", "correct answers") is left out, and the next moves up.
 *
 * <p>Each row is labelled with what it shows as most of its papers write it in their abstracts' running text
 * ({@link WrittenForms}: "HotpotQA", "multi-hop QA", "LLM-as-a-Judge"; of two ways as common, the one that sorts
 * last): the same scan reads the words next to a term and how it is written. A term no abstract writes in running
 * text is labelled as it is.
 *
 * <p>Cost: the months' listings are read once more and each paper's text scanned for the trending terms of its
 * month (broadcast: a few dozen a month), one tokenization per listed version; only the words found are shuffled.
 */
final class TermPhrases {
  private TermPhrases() {}

  /** The least share of a term's papers in the month that write one word next to it for it to be shown so. */
  static final double NESTED_SHARE = 0.75;

  private static final String TERMS = "_terms";
  private static final String SIDE = "_side";
  private static final String NEIGHBOR = "_neighbor";
  private static final String NEIGHBOR_PAPERS = "_neighbor_papers";
  private static final String KEY = "_key";
  private static final String KEY_PAPERS = "_key_papers";
  private static final String BEFORE_WORD = "_before_word";
  private static final String BEFORE_PAPERS = "_before_papers";
  private static final String AFTER_WORD = "_after_word";
  private static final String AFTER_PAPERS = "_after_papers";
  private static final String DEFINED_WORDS = "_defined_words";
  private static final String SHOWN = "_shown";
  private static final String SHOWN_RANK = "_shown_rank";
  private static final String BEFORE = "before";
  private static final String AFTER = "after";
  /** The side of a written form with a word before and after the term (word: the two, a space between). */
  private static final String BOTH = "both";
  /** The side of a row that gives the words a term abbreviates (word: those words). */
  private static final String DEFINED = "defined";
  /** After a side, the rows that give the word next to the term by its key ({@link TrendingTerms.Singular}). */
  private static final String KEY_SIDE = "_by_key";
  /** The side of a row that says how a paper writes the term itself. */
  private static final String AS_IS = "as_is";
  private static final String WRITTEN = "_written";
  private static final String FORM_SIDE = "_form_side";
  private static final String FORM_WORD = "_form_word";

  /**
   * A word next to a trending term in a paper: the term, which side, and the word (once per paper); or how the paper
   * writes the term ({@code _written}; side {@value #AS_IS} and no word) or the phrase with a word next to it (side
   * and word as for the word), once per paper and way of writing.
   */
  static final StructType NEIGHBORS = new StructType()
      .add(TOPIC, DataTypes.StringType, false)
      .add(MONTH, DataTypes.StringType, false)
      .add(ID, DataTypes.StringType, false)
      .add(VERSION, DataTypes.IntegerType, false)
      .add(TERM, DataTypes.StringType, true)
      .add(SIDE, DataTypes.StringType, true)
      .add(NEIGHBOR, DataTypes.StringType, true)
      .add(WRITTEN, DataTypes.StringType, true);

  /**
   * Reads a listed paper's version (topic, month, id, version, title, abstract, the month's trending terms) and
   * gives a row for it (term, side and word null), one for each distinct (term, side, word) of the words that
   * stand right before or after one of those terms in the title or the abstract, and one for each way its abstract
   * writes a term or such a phrase in running text ({@link WrittenForms}).
   */
  static final class Neighbors implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    private static final TrendingTerms.Singular SINGULAR = new TrendingTerms.Singular();

    @Override
    public Iterator<Row> call(Row paper) {
      String topic = paper.getString(0);
      String month = paper.getString(1);
      String id = paper.getString(2);
      int version = paper.getInt(3);
      Set<String> terms = new HashSet<>(paper.getList(6));
      var found = new HashSet<List<String>>();
      for (int field = 4; field <= 5; field++) {
        String text = DocumentTerms.withoutTex(paper.getString(field));
        if (text == null) {
          continue;
        }
        var words = new WrittenForms(field == 5 ? text : null);
        DocumentTerms.forEachPlacedWord(text, words::add);
        for (int i = 0; i < words.size(); i++) {
          find(words, i, i, words.word(i), terms, found);
          if (i + 1 < words.size() && words.adjacent(i + 1)) {
            find(words, i, i + 1, words.word(i) + " " + words.word(i + 1), terms, found);
          }
        }
      }
      var out = new ArrayList<Row>(found.size() + 1);
      out.add(RowFactory.create(topic, month, id, version, null, null, null, null));
      found.forEach(f -> out.add(RowFactory.create(topic, month, id, version, f.get(0), f.get(1), f.get(2),
          f.size() > 3 ? f.get(3) : null)));
      return out.iterator();
    }

    /**
     * Adds the words next to {@code term} (the words {@code first..last}) if it is one of {@code terms}, how the
     * text writes it and those phrases (with a word on one side, and on both), and the words it stands for when it
     * is their initials written after them ({@link #definedAt}).
     */
    private static void find(WrittenForms words, int first, int last, String term, Set<String> terms,
                             Set<List<String>> found) {
      if (!terms.contains(term)) {
        return;
      }
      written(words, first, last, term, AS_IS, "", found);
      boolean before = first > 0 && words.adjacent(first) && !isNumber(words.word(first - 1));
      boolean after = last + 1 < words.size() && words.adjacent(last + 1) && !isNumber(words.word(last + 1));
      if (before) {
        neighbor(term, BEFORE, words.word(first - 1), found);
        written(words, first - 1, last, term, BEFORE, words.word(first - 1), found);
      }
      if (after) {
        neighbor(term, AFTER, words.word(last + 1), found);
        written(words, first, last + 1, term, AFTER, words.word(last + 1), found);
      }
      if (before && after) {
        written(words, first - 1, last + 1, term, BOTH, words.word(first - 1) + " " + words.word(last + 1), found);
      }
      if (first == last) {
        String defined = definedAt(words, first);
        if (defined != null) {
          found.add(List.of(term, DEFINED, defined));
        }
      }
    }

    /**
     * The words an abbreviation at word {@code i} stands for, when the text writes it after them as their initials
     * ("language models (LMs)", "computer vision (CV)": Schwartz and Hearst 2003 look for the same pattern), or
     * null. The abbreviation is the initials, with a plural {@code s} after two or more; the words before it are
     * next to each other (one phrase) and it is not next to them (a bracket or other mark between).
     */
    static String definedAt(WrittenForms words, int i) {
      String term = words.word(i);
      String initials = term.length() > 2 && term.endsWith("s") ? term.substring(0, term.length() - 1) : term;
      int n = initials.length();
      if (n < 2 || i < n || words.adjacent(i)) {
        return null;
      }
      for (int k = 0; k < n; k++) {
        String word = words.word(i - n + k);
        if (word.charAt(0) != initials.charAt(k) || (k > 0 && !words.adjacent(i - n + k))) {
          return null;
        }
      }
      var phrase = new StringBuilder(words.word(i - n));
      for (int k = 1; k < n; k++) {
        phrase.append(' ').append(words.word(i - n + k));
      }
      return phrase.toString();
    }

    /** A word next to a term, as written and as its key (a word and its plural one), each once per paper. */
    private static void neighbor(String term, String side, String word, Set<List<String>> found) {
      found.add(List.of(term, side, word));
      found.add(List.of(term, side + KEY_SIDE, SINGULAR.call(word)));
    }

    private static void written(WrittenForms words, int first, int last, String term, String side, String word,
                                Set<List<String>> found) {
      String form = words.written(first, last);
      if (form != null) {
        found.add(List.of(term, side, word, form));
      }
    }

    private static boolean isNumber(String word) {
      return word.chars().allMatch(Character::isDigit);
    }
  }

  /**
   * The phrase a term is shown as: {@code term} itself, or made longer by the word nested before it, after it, or
   * both ({@code before}, {@code after}: null when no word is next to it in enough of its papers), or null when it
   * is left out. What is left out:
   * <ul>
   *   <li>a piece of a phrase that does not end in a noun (nor a gerund): "recent feed" of "recent feed-forward";
   *   <li>the topic said again as its initials: a term that its papers write after one of the topic's keywords as its
   *       abbreviation ({@code defined}, the words it most often stands for there: "lms" for "language models" in a
   *       topic of language models; "vlms", for "vision language models", stays, as "umms" for "unified multimodal
   *       models" in a topic of the keyword "multimodal");
   *   <li>what names nothing by {@link UnnamedTerms} ("final answer", "pro" when not made longer, but "gemini pro"),
   *       or a term that does when what it is made longer by is only the rest of the topic's keyword: in a topic of
   *       diffusion models, "modern diffusion" (listed) shown as "modern diffusion models" (not).
   * </ul>
   * A word before it that cannot modify a noun ("using") is not part of its phrase, nor is a word on either side that
   * would make a phrase its topic's keywords leave out (for {@code llm}, "llm judge evaluation": "judge evaluation"
   * is shown; in {@code machine_translation}, "sign language translation": "sign language" is).
   */
  static String shown(String term, String before, String after, String defined, TopicTerms excluded) {
    if (defined != null && excluded.isKeyword(defined)) {
      return null;
    }
    String phrase = term;
    boolean keywordOnly = false; // the words added only complete the topic's keyword
    if (after != null) {
      if (!WordClasses.get().isHead(after) && !after.endsWith("ing")) {
        return null;
      }
      if (!excluded.excludes(term + " " + after)) {
        phrase = term + " " + after;
        keywordOnly = excluded.terms().contains(term.substring(term.lastIndexOf(' ') + 1) + " " + after);
      }
    }
    if (before != null && WordClasses.get().isModifier(before) && !excluded.excludes(before + " " + phrase)) {
      keywordOnly = (phrase.equals(term) || keywordOnly)
          && excluded.terms().contains(before + " " + term.substring(0, (term + " ").indexOf(' ')));
      phrase = before + " " + phrase;
    }
    // A phrase that only adds the rest of the topic's keyword ("modern diffusion" to "modern diffusion models")
    // names no more than the term, which is judged too; "4d gaussian splatting" is shown for "4d gaussian".
    return UnnamedTerms.contains(phrase) || keywordOnly && UnnamedTerms.contains(term) ? null : phrase;
  }

  /** {@link #shown} of a topic's term, with the topic's keywords. */
  private static final class Shown implements UDF5<String, String, String, String, String, String> {
    private static final long serialVersionUID = 1L;
    private final Map<String, TopicTerms> keywords;

    Shown(Map<String, TopicTerms> keywords) {
      this.keywords = Map.copyOf(keywords);
    }

    @Override
    public String call(String topic, String term, String before, String after, String defined) {
      return shown(term, before, after, defined, keywords.getOrDefault(topic, TopicTerms.NONE));
    }
  }

  /** Of a term's rows, one a side, the value of {@code column} on side {@code side}. */
  private static Column side(String side, String column) {
    return functions.max(when(col(SIDE).equalTo(side), col(column)));
  }

  /**
   * {@code trending} ({@link Schemas#TRENDING_TERMS} rows, ranked) with each term shown as its
   * papers write it, ranked again within each topic's month: {@code listings} (topic, month, id, version, title,
   * abstract) give the papers, a paper's newest version in the month as the counts read it; {@code topics}' keywords
   * the phrases left out.
   */
  static Dataset<Row> of(Dataset<Row> trending, Dataset<Row> listings, List<Topic> topics) {
    UserDefinedFunction shownAs = udf(new Shown(TrendingTerms.keywords(topics)), DataTypes.StringType);
    // The month's terms go to the listings (a few dozen per topic's month), not the listings' text to a shuffle;
    // each listing row gives a row of its own (no term) beside its terms' neighbours, so that the newest version of
    // a paper in the month is known even when it has none of them.
    Dataset<Row> termsOfMonth = trending.groupBy(TOPIC, MONTH).agg(collect_set(TERM).as(TERMS));
    Dataset<Row> found = listings.select(TOPIC, MONTH, ID, VERSION, TITLE, ABSTRACT)
        .join(broadcast(termsOfMonth), List.of(TOPIC, MONTH).toArray(String[]::new))
        .select(TOPIC, MONTH, ID, VERSION, TITLE, ABSTRACT, TERMS)
        .flatMap(new Neighbors(), Encoders.row(NEIGHBORS));
    // Per term of a month, its words next to it and how its papers write it, each with its papers: one count.
    Dataset<Row> counted = found
        .withColumn("_newest", functions.max(VERSION).over(Window.partitionBy(TOPIC, MONTH, ID)))
        .filter(col(VERSION).equalTo(col("_newest")).and(col(TERM).isNotNull()))
        .groupBy(TOPIC, MONTH, TERM, SIDE, NEIGHBOR, WRITTEN)
        .agg(count(lit(1)).as(NEIGHBOR_PAPERS));
    // Per side, the word most of its papers write, a word and its plural as one ("skip connection", "skip
    // connections"; its rows with the side's KEY_SIDE count each paper once), written as most of them write it; and
    // the words an abbreviation stands for in most of its papers.
    Dataset<Row> neighbors = counted.filter(col(WRITTEN).isNull());
    Dataset<Row> keys = neighbors.filter(col(SIDE).endsWith(KEY_SIDE))
        .select(col(TOPIC), col(MONTH), col(TERM), functions.regexp_replace(col(SIDE), KEY_SIDE + "$", "").as(SIDE),
            col(NEIGHBOR).as(KEY), col(NEIGHBOR_PAPERS).as(KEY_PAPERS));
    Dataset<Row> forms = neighbors.filter(col(SIDE).isin(BEFORE, AFTER))
        .withColumn(KEY, TrendingTerms.SINGULAR_OF.apply(col(NEIGHBOR)))
        .withColumn("_n", row_number().over(Window.partitionBy(TOPIC, MONTH, TERM, SIDE, KEY)
            .orderBy(col(NEIGHBOR_PAPERS).desc(), col(NEIGHBOR))))
        .filter(col("_n").equalTo(1))
        .join(keys, List.of(TOPIC, MONTH, TERM, SIDE, KEY).toArray(String[]::new))
        .select(TOPIC, MONTH, TERM, SIDE, NEIGHBOR, KEY, KEY_PAPERS);
    Dataset<Row> definitions = neighbors.filter(col(SIDE).equalTo(DEFINED))
        .select(col(TOPIC), col(MONTH), col(TERM), col(SIDE), col(NEIGHBOR), col(NEIGHBOR).as(KEY),
            col(NEIGHBOR_PAPERS).as(KEY_PAPERS));
    Dataset<Row> sides = forms.unionByName(definitions)
        .withColumn("_n", row_number().over(Window.partitionBy(TOPIC, MONTH, TERM, SIDE)
            .orderBy(col(KEY_PAPERS).desc(), col(KEY))))
        .filter(col("_n").equalTo(1))
        .groupBy(TOPIC, MONTH, TERM)
        .agg(side(BEFORE, NEIGHBOR).as(BEFORE_WORD), side(BEFORE, KEY_PAPERS).as(BEFORE_PAPERS),
            side(AFTER, NEIGHBOR).as(AFTER_WORD), side(AFTER, KEY_PAPERS).as(AFTER_PAPERS),
            side(DEFINED, NEIGHBOR).as(DEFINED_WORDS));
    // The way most papers write it; of two as common, the one that sorts last: lower case before a capital that
    // began a clause, a hyphen before a space.
    Dataset<Row> written = counted.filter(col(WRITTEN).isNotNull())
        .withColumn("_n", row_number().over(Window.partitionBy(TOPIC, MONTH, TERM, SIDE, NEIGHBOR)
            .orderBy(col(NEIGHBOR_PAPERS).desc(), col(WRITTEN).desc())))
        .filter(col("_n").equalTo(1))
        .select(col(TOPIC), col(MONTH), col(TERM), col(SIDE).as(FORM_SIDE), col(NEIGHBOR).as(FORM_WORD),
            col(WRITTEN));
    Column share = col(PAPERS_WITH_TERM).multiply(NESTED_SHARE);
    Dataset<Row> shown = trending
        .join(sides, List.of(TOPIC, MONTH, TERM).toArray(String[]::new), "left")
        .withColumn(BEFORE_WORD, when(col(BEFORE_PAPERS).geq(share), col(BEFORE_WORD)))
        .withColumn(AFTER_WORD, when(col(AFTER_PAPERS).geq(share), col(AFTER_WORD)))
        .withColumn(SHOWN, shownAs.apply(col(TOPIC), col(TERM), col(BEFORE_WORD), col(AFTER_WORD),
            col(DEFINED_WORDS)))
        .filter(col(SHOWN).isNotNull())
        .withColumn(SHOWN_RANK, row_number().over(Window.partitionBy(TOPIC, MONTH, SHOWN).orderBy(RANK)))
        .filter(col(SHOWN_RANK).equalTo(1));
    // Its label: how its papers write what is shown, the term or the phrase with the words next to it.
    Column asIs = col(SHOWN).equalTo(col(TERM));
    Column withBefore = col(SHOWN).equalTo(concat_ws(" ", col(BEFORE_WORD), col(TERM)));
    Column withAfter = col(SHOWN).equalTo(concat_ws(" ", col(TERM), col(AFTER_WORD)));
    Dataset<Row> labelled = shown
        .withColumn(FORM_SIDE, when(asIs, lit(AS_IS)).when(withBefore, lit(BEFORE)).when(withAfter, lit(AFTER))
            .otherwise(lit(BOTH)))
        .withColumn(FORM_WORD, when(asIs, lit("")).when(withBefore, col(BEFORE_WORD)).when(withAfter, col(AFTER_WORD))
            .otherwise(concat_ws(" ", col(BEFORE_WORD), col(AFTER_WORD))))
        .join(written, List.of(TOPIC, MONTH, TERM, FORM_SIDE, FORM_WORD).toArray(String[]::new), "left")
        .withColumn(LABEL, coalesce(col(WRITTEN), col(SHOWN)))
        .withColumn(TERM, coalesce(col(SHOWN), col(TERM))); // the same, typed not null as the schema has it
    return labelled
        .withColumn(RANK, row_number().over(Window.partitionBy(TOPIC, MONTH).orderBy(RANK)))
        .select(Schemas.columns(Schemas.TRENDING_TERMS));
  }
}
