package org.arxivdigest.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.arxivdigest.schema.Columns.ABSTRACT;
import static org.arxivdigest.schema.Columns.COMMON;
import static org.arxivdigest.schema.Columns.CORPUS_PAPERS;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.TERM;
import static org.arxivdigest.schema.Columns.TITLE;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.ObjectIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.classify.tfidf.DocumentTerms;
import org.arxivdigest.schema.Schemas;

/**
 * The corpus the trending terms are weighed against: for each term of a sample of the papers, how many sampled
 * papers have it ({@link Schemas#TERM_PRIOR}). The sample is about {@link #SAMPLE} papers chosen by a hash of the
 * id (all papers when there are fewer), so the cost stays bounded on the full dump.
 *
 * <p>Common terms never trend: a word in more than {@link #COMMON_SHARE} of the sampled papers ("method",
 * "results", "propose"), or a 2-gram of two such words ("results show", "proposed method"). This is the corpus'
 * own list of generic words, made from its document frequencies, beside the fixed stop-word list of the terms.
 *
 * <p>Plain words never trend alone: a word in more than {@link #PLAIN_SHARE} of the sampled papers that fewer than
 * {@link #NAMED_SHARE} of the abstracts with it write with a capital letter in running text
 * ({@link DocumentTerms#forEachCapitalizedWord}). These are the field's ordinary nouns and verbs ("failure",
 * "judges", "agents", "reasoning"): a reader sees a topic's vocabulary, not what is new in it. Names stay, however
 * frequent ("Gemini", "Qwen3", "GRPO", "LoRA"), and so do the plain words' 2-grams ("failure modes"). Chosen in
 * session 29 on the judged terms of the development and the first three held-out sets (a word in over 1% of the
 * papers, capitalized by under half: 111 of 145 such judged terms named nothing); measured on a fourth set.
 *
 * @param counts the sampled papers with each term: term, corpus_papers (at least {@link #MIN_CORPUS_PAPERS})
 * @param papers sampled papers
 * @param occurrences the sum of {@code corpus_papers} over all terms of the sample: the prior's total
 * @param commonWords the common words, sorted
 * @param plainWords the plain words, sorted
 */
record TermPrior(Dataset<Row> counts, long papers, long occurrences, List<String> commonWords,
                 List<String> plainWords) {

  /** Papers the prior is estimated from, at most. */
  static final long SAMPLE = 100_000;
  /** A word in more than this share of the sampled papers is common. */
  static final double COMMON_SHARE = 0.05;
  /** A word in more than this share of the sampled papers is plain unless its abstracts write it as a name. */
  static final double PLAIN_SHARE = 0.01;
  /** A frequent word is a name when at least this share of the abstracts with it capitalize it in running text. */
  static final double NAMED_SHARE = 0.5;
  /**
   * The table keeps the terms in at least this many sampled papers (a quarter of the terms: most are 2-grams of
   * one paper); the others count as in one. Exact when the corpus is not sampled (up to {@link #SAMPLE} papers):
   * a term that can trend is in at least {@link TrendingTerms#MIN_TERM_PAPERS} papers of the corpus.
   */
  static final long MIN_CORPUS_PAPERS = 2;

  private static final String OCCURRENCES = "occurrences";
  private static final String COMMON_WORDS = "common_words";
  private static final String PLAIN_WORDS = "plain_words";

  TermPrior {
    commonWords = List.copyOf(commonWords);
    plainWords = List.copyOf(plainWords);
  }

  /**
   * The terms of a partition's papers (title, abstract), each with the papers that have it and, for a word, the
   * papers whose abstract capitalizes it in running text.
   */
  private static final class PartitionTerms implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<Row> call(Iterator<Row> papers) {
      var ids = new TermIds();
      var counts = new LongIntHashMap();
      var named = new ObjectIntHashMap<String>();
      var paperNamed = new HashSet<String>();
      while (papers.hasNext()) {
        Row paper = papers.next();
        ids.count(paper.getString(0), paper.getString(1), counts);
        if (paper.getString(1) != null) {
          paperNamed.clear();
          DocumentTerms.forEachCapitalizedWord(paper.getString(1), paperNamed::add);
          paperNamed.forEach(w -> named.addTo(w, 1));
        }
      }
      Iterator<LongIntCursor> each = counts.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return each.hasNext();
        }

        @Override
        public Row next() {
          LongIntCursor c = each.next();
          String term = ids.term(c.key);
          return RowFactory.create(term, (long) c.value, (long) named.getOrDefault(term, 0));
        }
      };
    }
  }

  private static final String PARTITION_PAPERS = "_partition_papers";
  private static final String PARTITION_NAMED = "_partition_named";
  private static final String NAMED_PAPERS = "_named_papers";
  private static final StructType PARTITION_TERMS = new StructType()
      .add(TERM, DataTypes.StringType, false)
      .add(PARTITION_PAPERS, DataTypes.LongType, false)
      .add(PARTITION_NAMED, DataTypes.LongType, false);

  /**
   * The prior of {@code papers} (id, title, abstract): the sampled papers with each term are written to {@code dir}
   * by {@code write} (terms in at least {@link #MIN_CORPUS_PAPERS} of them), and its total, common and plain words
   * are observed in the same pass, then read from the written table.
   */
  static TermPrior write(SparkSession spark, Dataset<Row> papers, String dir,
                         java.util.function.BiConsumer<Dataset<Row>, String> write) {
    long total = papers.count();
    long every = Math.max(1, (total + SAMPLE - 1) / SAMPLE);
    Dataset<Row> sample = papers.select(ID, TITLE, ABSTRACT).filter(pmod(xxhash64(col(ID)), lit(every)).equalTo(0));
    long n = every == 1 ? total : sample.count();
    // Counted in each partition first (by number, TermIds), so the shuffle carries a partition's distinct terms.
    Dataset<Row> counts = sample.select(TITLE, ABSTRACT)
        .mapPartitions(new PartitionTerms(), Encoders.row(PARTITION_TERMS))
        .groupBy(TERM).agg(sum(PARTITION_PAPERS).as(CORPUS_PAPERS), sum(PARTITION_NAMED).as(NAMED_PAPERS));
    var totals = new Observation("term_prior");
    Column isWord = not(col(TERM).contains(" "));
    Column isCommonWord = isWord.and(col(CORPUS_PAPERS).gt(lit(COMMON_SHARE * n)));
    Column isPlainWord = isWord.and(col(CORPUS_PAPERS).gt(lit(PLAIN_SHARE * n)))
        .and(col(NAMED_PAPERS).lt(col(CORPUS_PAPERS).multiply(NAMED_SHARE)));
    write.accept(counts.observe(totals, sum(CORPUS_PAPERS).as(OCCURRENCES),
            collect_list(when(isCommonWord, col(TERM))).as(COMMON_WORDS),
            collect_list(when(isPlainWord, col(TERM))).as(PLAIN_WORDS))
        .filter(col(CORPUS_PAPERS).geq(MIN_CORPUS_PAPERS)).select(TERM, CORPUS_PAPERS), dir);
    Map<String, Object> observed;
    try {
      observed = totals.getAsJava(); // filled by the write, which has run
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted reading the term prior's totals", e);
    }
    Object occurrences = observed.get(OCCURRENCES);
    // Short: at most 1 / COMMON_SHARE (1 / PLAIN_SHARE) times the mean number of distinct words of a paper.
    return new TermPrior(spark.read().schema(Schemas.TERM_PRIOR).parquet(dir), n,
        occurrences == null ? 0 : ((Number) occurrences).longValue(), sortedWords(observed.get(COMMON_WORDS)),
        sortedWords(observed.get(PLAIN_WORDS)));
  }

  private static List<String> sortedWords(Object observed) {
    var words = new ArrayList<String>();
    scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) observed)
        .forEach(w -> words.add((String) w));
    Collections.sort(words);
    return words;
  }

  /** The table with {@code common} added: both words of a term common (one test for a word). */
  Dataset<Row> terms() {
    // isin over many values is a hash set lookup.
    Object[] words = commonWords.toArray();
    Column isCommon = words.length == 0 ? lit(false)
        : substring_index(col(TERM), " ", 1).isin(words).and(substring_index(col(TERM), " ", -1).isin(words));
    return counts.withColumn(COMMON, isCommon);
  }

  /**
   * Whether {@code term} is a plain word alone: of the term itself, so with or without the table. Never a 2-gram, as
   * the plain words are single words ({@link #write} keeps only terms without a space).
   */
  Column isPlainWord(Column term) {
    return plainWords.isEmpty() ? lit(false) : term.isin(plainWords.toArray());
  }
}
