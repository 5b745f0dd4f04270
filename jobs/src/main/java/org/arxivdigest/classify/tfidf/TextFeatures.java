package org.arxivdigest.classify.tfidf;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;

import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.arxivdigest.schema.Columns;

/**
 * Title + abstract to TF-IDF over 1- and 2-grams. The vocabulary is bounded ({@code vocabSize}), so the model and
 * the driver's memory do not grow with the corpus; CountVectorizer (not hashing) keeps the terms readable, so a
 * model can say what it learned.
 */
public final class TextFeatures {
  private TextFeatures() {}

  public static final String TEXT = "text";
  /** The title alone, for the title features ({@link TrainParams#titleFeatures()}). */
  public static final String TITLE_TEXT = "title_text";
  public static final String TITLE_TOKENS = "_title_tokens";
  public static final String TITLE_WORDS = "_title_words";
  /** What marks a title feature: {@code title:word} (the tokenizer never keeps a colon, so no word collides). */
  public static final String TITLE_PREFIX = "title:";
  /** The authors' names as terms, for the author features ({@link TrainParams#authorFeatures()}). */
  public static final String AUTHOR_TERMS = "author_terms";
  /** What marks an author feature: {@code author:first_last}. */
  public static final String AUTHOR_PREFIX = "author:";
  public static final String MASKED = "_masked_text";
  public static final String TOKENS = "_tokens";
  public static final String WORDS = "_words";
  public static final String BIGRAMS = "_bigrams";
  public static final String TERMS = "_terms";
  public static final String TF = "_tf";
  public static final String FEATURES = "features";
  /** What separates words: anything but a letter or a digit. */
  static final String TOKEN_GAPS = "[^\\p{L}\\p{N}]+";
  /** Shorter words are dropped. */
  static final int MIN_TOKEN_LENGTH = 2;

  /** What the models read: the title and the abstract of a paper as one text. */
  public static Column text() {
    return concat_ws(" ", coalesce(col(Columns.TITLE), lit("")), coalesce(col(Columns.ABSTRACT), lit("")));
  }

  /** What the title features read: the title, or an empty text. */
  public static Column titleText() {
    return coalesce(col(Columns.TITLE), lit(""));
  }

  /**
   * What the author features read: each parsed author ({@code [last, first, suffix]}) as {@code author:first_last},
   * lower-case, every run of characters other than letters and digits one underscore; an empty array for a paper
   * without parsed authors.
   */
  public static Column authorTerms() {
    Column names = transform(col(Columns.AUTHORS_PARSED), a -> concat(lit(AUTHOR_PREFIX),
        regexp_replace(lower(trim(concat_ws(" ", a.getItem(1), a.getItem(0)))), TOKEN_GAPS, "_")));
    return coalesce(filter(names, n -> length(n).gt(AUTHOR_PREFIX.length())), noAuthorTerms());
  }

  /** The author terms of a paper without authors (an empty array of strings). */
  public static Column noAuthorTerms() {
    return array().cast(org.apache.spark.sql.types.DataTypes.createArrayType(
        org.apache.spark.sql.types.DataTypes.StringType));
  }

  /**
   * Text ({@link #TEXT}) to its terms ({@link #TERMS}): lower-case words, stop words removed, and 2-grams.
   * {@link DocumentTerms} gives the same terms without Spark; change both together.
   */
  public static Transformer[] termStages() {
    return termStages(TEXT);
  }

  private static Transformer[] termStages(String input) {
    var tokenizer = new RegexTokenizer().setInputCol(input).setOutputCol(TOKENS)
        .setPattern(TOKEN_GAPS).setToLowercase(true).setMinTokenLength(MIN_TOKEN_LENGTH);
    var stopWords = new StopWordsRemover().setInputCol(TOKENS).setOutputCol(WORDS);
    var bigrams = new NGram().setN(2).setInputCol(WORDS).setOutputCol(BIGRAMS);
    var terms = new SQLTransformer().setStatement(
        "SELECT *, concat(" + WORDS + ", " + BIGRAMS + ") AS " + TERMS + " FROM __THIS__");
    return new Transformer[] {tokenizer, stopWords, bigrams, terms};
  }

  /**
   * The feature stages of {@code params}, in order; {@code FEATURES} is the TF-IDF vector: binary or sublinear
   * ({@link SublinearTf}) term frequency, with {@link TrainParams#titleFeatures()} the title's words
   * ({@link #TITLE_TEXT}) added as {@code title:word} terms, with {@link TrainParams#authorFeatures()} the authors
   * ({@link #AUTHOR_TERMS}). A non-null {@code maskRegex} is blanked out of the text
   * first: a topic model masks its own keywords, as it must learn the context they stand in, or it can find nothing
   * the keywords miss. The mask is a stage of the saved pipeline, so scoring masks the same way.
   */
  public static PipelineStage[] stages(TrainParams params, String maskRegex) {
    String input = TEXT;
    var out = new java.util.ArrayList<PipelineStage>();
    if (maskRegex != null) {
      String literal = maskRegex.replace("\\", "\\\\").replace("'", "\\'");
      out.add(new SQLTransformer().setStatement(
          "SELECT *, regexp_replace(" + TEXT + ", '" + literal + "', ' ') AS " + MASKED + " FROM __THIS__"));
      input = MASKED;
    }
    out.addAll(List.of(termStages(input)));
    String terms = TERMS;
    var more = new java.util.ArrayList<String>();
    if (params.titleFeatures()) {
      out.add(new RegexTokenizer().setInputCol(TITLE_TEXT).setOutputCol(TITLE_TOKENS)
          .setPattern(TOKEN_GAPS).setToLowercase(true).setMinTokenLength(MIN_TOKEN_LENGTH));
      out.add(new StopWordsRemover().setInputCol(TITLE_TOKENS).setOutputCol(TITLE_WORDS));
      more.add("transform(" + TITLE_WORDS + ", w -> concat('" + TITLE_PREFIX + "', w))");
    }
    if (params.authorFeatures()) {
      more.add(AUTHOR_TERMS);
    }
    if (!more.isEmpty()) {
      terms = "_all_terms";
      out.add(new SQLTransformer().setStatement("SELECT *, concat(" + TERMS + ", " + String.join(", ", more)
          + ") AS " + terms + " FROM __THIS__"));
    }
    boolean sublinear = params.termFrequency() == TrainParams.TermFrequency.SUBLINEAR;
    var counts = new CountVectorizer().setInputCol(terms).setOutputCol(sublinear ? "_counts" : TF)
        .setVocabSize(params.vocabSize()).setMinDF(params.minDocFreq()).setBinary(!sublinear);
    out.add(counts);
    if (sublinear) {
      out.add(new SublinearTf().setInputCol("_counts").setOutputCol(TF));
    }
    out.add(new IDF().setInputCol(TF).setOutputCol(FEATURES).setMinDocFreq(params.minDocFreq()));
    return out.toArray(PipelineStage[]::new);
  }
}
