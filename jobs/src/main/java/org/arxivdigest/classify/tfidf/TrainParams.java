package org.arxivdigest.classify.tfidf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of a training run, recorded in each model's metrics.
 *
 * @param termFrequency how a term's count in a paper is weighted before IDF
 * @param titleFeatures the title's words again as features of their own ({@code title:word}), so that a word in
 *     the title can weigh more than the same word in the abstract
 * @param authorFeatures each author's name as a feature ({@code author:first_last}): authors mostly keep to their
 *     fields, so a name the training papers know says something the words may not
 * @param classWeightPower a training paper of class c weighs {@code (papers of the largest class / papers of
 *     c)^power}: 0 = unweighted, 1 = "balanced", in between a milder boost of rare classes
 * @param multiLabelThreshold category model: besides its top class, a paper is predicted in every named class
 *     whose probability reaches this ({@link CategorySets}); 0 = top class only
 */
public record TrainParams(int vocabSize, int minDocFreq, int maxIter, double regParam, int minClassSize,
                          TermFrequency termFrequency, boolean titleFeatures, boolean authorFeatures,
                          double classWeightPower, double multiLabelThreshold) {

  /** How term counts are weighted: present or not, or {@code 1 + ln(count)} ({@link SublinearTf}). */
  public enum TermFrequency { BINARY, SUBLINEAR }

  public static final TrainParams DEFAULTS = new TrainParams(1 << 18, 2, 100, 1e-4, 200);

  /**
   * The defaults of a kind, chosen on the validation fold of the recent papers (docs/model-quality.md): the
   * category model with 2^20 terms, sublinear tf, title and author features, class weights (largest / class)^1
   * and sets of categories at 0.1; the topic and archive models with binary term presence (sublinear tf and title
   * features lowered the llm topic's F1 on the labels' dev half); topic models with L2 {@value #TOPIC_REG_PARAM}
   * (on the dev half of 730 llm labels, 2026-12-01: 1e-4 0.945, 1e-3 0.949, 3e-3 0.948, 1e-2 0.945).
   */
  public static TrainParams defaults(ModelKind kind) {
    return switch (kind) {
      case CATEGORY -> new TrainParams(1 << 20, 2, 100, 1e-4, 200, TermFrequency.SUBLINEAR, true, true, 1.0, 0.1);
      case TOPIC -> new TrainParams(DEFAULTS.vocabSize(), DEFAULTS.minDocFreq(), DEFAULTS.maxIter(), TOPIC_REG_PARAM,
          DEFAULTS.minClassSize());
      default -> DEFAULTS;
    };
  }

  /** The topic models' L2 regularization. */
  public static final double TOPIC_REG_PARAM = 1e-3;

  /**
   * A training command's choices, null where it left the kind's default ({@link #defaults}).
   */
  public record Overrides(Integer vocabSize, Integer minDocFreq, Integer maxIter, Double regParam,
                          Integer minClassSize, TermFrequency termFrequency, Boolean titleFeatures,
                          Boolean authorFeatures, Double classWeightPower, Double multiLabelThreshold) {
    /** No choice made: every kind's defaults. */
    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null);

    /** The parameters of {@code kind}: its defaults, with what was chosen. */
    public TrainParams forKind(ModelKind kind) {
      TrainParams d = defaults(kind);
      return new TrainParams(or(vocabSize, d.vocabSize()), or(minDocFreq, d.minDocFreq()), or(maxIter, d.maxIter()),
          or(regParam, d.regParam()), or(minClassSize, d.minClassSize()), or(termFrequency, d.termFrequency()),
          or(titleFeatures, d.titleFeatures()), or(authorFeatures, d.authorFeatures()),
          or(classWeightPower, d.classWeightPower()),
          or(multiLabelThreshold, d.multiLabelThreshold()));
    }

    private static <T> T or(T chosen, T otherwise) {
      return chosen != null ? chosen : otherwise;
    }
  }

  /** Binary term presence, no title features, unweighted, top class only: the models of output format 1-3. */
  public TrainParams(int vocabSize, int minDocFreq, int maxIter, double regParam, int minClassSize) {
    this(vocabSize, minDocFreq, maxIter, regParam, minClassSize, TermFrequency.BINARY, false, false, 0, 0);
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("features", "title + abstract; lower-case tokens of letters and digits, English stop words removed, "
        + "1- and 2-grams" + (titleFeatures ? ", the title's words again as title:word" : "")
        + (authorFeatures ? ", each author as author:first_last" : "") + ", "
        + (termFrequency == TermFrequency.SUBLINEAR ? "1 + ln(term count)" : "binary term presence") + " x IDF");
    m.put("classifier", "multinomial logistic regression (L2)"
        + (classWeightPower > 0 ? ", class weights (largest class / class)^" + classWeightPower : ""));
    m.put("vocab_size", vocabSize);
    m.put("min_doc_freq", minDocFreq);
    m.put("max_iter", maxIter);
    m.put("reg_param", regParam);
    m.put("min_class_size", minClassSize);
    m.put("term_frequency", termFrequency.name().toLowerCase(java.util.Locale.ROOT));
    m.put("title_features", titleFeatures);
    m.put("author_features", authorFeatures);
    m.put("class_weight_power", classWeightPower);
    m.put("multi_label_threshold", multiLabelThreshold);
    m.put("split", "test = pmod(xxhash64(id), 5) == 0");
    return m;
  }
}
