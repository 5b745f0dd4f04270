package org.arxivdigest.classify.tfidf;

import java.util.LinkedHashMap;
import java.util.Map;

/** The knobs of a training run, recorded in each model's metrics. */
public record TrainParams(int vocabSize, int minDocFreq, int maxIter, double regParam, int minClassSize) {

  public static final TrainParams DEFAULTS = new TrainParams(1 << 18, 2, 100, 1e-4, 200);

  public Map<String, Object> toMap() {
    var m = new LinkedHashMap<String, Object>();
    m.put("features", "title + abstract; lower-case tokens of letters and digits, English stop words removed, "
        + "1- and 2-grams, binary term presence x IDF");
    m.put("classifier", "multinomial logistic regression (L2)");
    m.put("vocab_size", vocabSize);
    m.put("min_doc_freq", minDocFreq);
    m.put("max_iter", maxIter);
    m.put("reg_param", regParam);
    m.put("min_class_size", minClassSize);
    m.put("split", "test = pmod(xxhash64(id), 5) == 0");
    return m;
  }
}
