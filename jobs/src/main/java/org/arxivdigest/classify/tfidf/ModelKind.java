package org.arxivdigest.classify.tfidf;

import java.util.Locale;

/** The three kinds of model: what each predicts. */
public enum ModelKind {
  /** The primary category (cs.CL, hep-th, ...), rare ones pooled as "other". */
  CATEGORY,
  /** The primary archive (cs, math, hep-th, ...). */
  ARCHIVE,
  /** Per topic: does the paper belong (keyword matches as positives)? */
  TOPIC;

  public String dir() {
    return name().toLowerCase(Locale.ROOT);
  }
}
