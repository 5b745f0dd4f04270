package org.arxivdigest.classify.tfidf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of a training run, recorded in each model's metrics.
 *
 * @param termFrequency how a term's count in a paper is weighted before IDF
 * @param titleFeatures the title's words again as features of their own ({@code title:word}), so that a word in
 *     the title can weigh more than the same word in the abstract
 * @param classWeightPower a training paper of class c weighs {@code (papers of the largest class / papers of
 *     c)^power}: 0 = unweighted, 1 = "balanced", in between a milder boost of rare classes
 * @param multiLabelThreshold category model: besides its top class, a paper is predicted in every named class
 *     whose probability reaches this ({@link CategorySets}); 0 = top class only
 */
public record TrainParams(int vocabSize, int minDocFreq, int maxIter, double regParam, int minClassSize,
                          TermFrequency termFrequency, boolean titleFeatures, double classWeightPower,
                          double multiLabelThreshold) {

  /** How term counts are weighted: present or not, or {@code 1 + ln(count)} ({@link SublinearTf}). */
  public enum TermFrequency { BINARY, SUBLINEAR }

  public static final TrainParams DEFAULTS = new TrainParams(1 << 18, 2, 100, 1e-4, 200);

  /** Binary term presence, no title features, unweighted, top class only: the models of output format 1-3. */
  public TrainParams(int vocabSize, int minDocFreq, int maxIter, double regParam, int minClassSize) {
    this(vocabSize, minDocFreq, maxIter, regParam, minClassSize, TermFrequency.BINARY, false, 0, 0);
  }

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("features", "title + abstract; lower-case tokens of letters and digits, English stop words removed, "
        + "1- and 2-grams" + (titleFeatures ? ", the title's words again as title:word" : "") + ", "
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
    m.put("class_weight_power", classWeightPower);
    m.put("multi_label_threshold", multiLabelThreshold);
    m.put("split", "test = pmod(xxhash64(id), 5) == 0");
    return m;
  }
}
