package org.arxivdigest.classify.keyword;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;

/**
 * Which of the topics' include phrases occur in a text, matched stemmed ({@link StemmedPhrase}), as the bits of
 * 64-bit masks (one column per 64 distinct phrases). One UDF call per text and mask: it analyzes the text once for
 * every phrase whose stem prefixes the text holds (the candidates, from the word masks, computed in Spark), where a
 * UDF per phrase analyzed the same text again for each (issue 22: the phrases' analysis was a fifth of a classify
 * run's samples, the same abstract analyzed for "diffusion model", "graph neural network", ...).
 */
final class PhraseMasks {
  /** Distinct by stems ("diffusion model" and "diffusion models" are one), in config order. */
  private final List<StemmedPhrase> phrases;
  private final List<List<String>> stems;
  /** Per phrase (same order), the topics that include it. */
  private final List<List<Topic>> topics;

  private PhraseMasks(List<StemmedPhrase> phrases, List<List<Topic>> topics) {
    this.phrases = phrases;
    this.stems = phrases.stream().map(StemmedPhrase::stems).toList();
    this.topics = topics;
  }

  /** The include phrases of the topics that have stems (a phrase of only stop words matches as written). */
  static PhraseMasks of(List<Topic> topics) {
    var byStems = new LinkedHashMap<List<String>, StemmedPhrase>();
    var topicsByStems = new LinkedHashMap<List<String>, List<Topic>>();
    for (Topic t : topics) {
      for (String term : t.include()) {
        if (KeywordRules.isPhrase(term)) {
          StemmedPhrase p = new StemmedPhrase(term);
          if (!p.stems().isEmpty()) {
            byStems.putIfAbsent(p.stems(), p);
            List<Topic> having = topicsByStems.computeIfAbsent(p.stems(), k -> new ArrayList<>());
            if (!having.contains(t)) {
              having.add(t);
            }
          }
        }
      }
    }
    return new PhraseMasks(List.copyOf(byStems.values()), List.copyOf(topicsByStems.values()));
  }

  /**
   * The mask columns of {@code text} (not null), named {@code prefix0}, {@code prefix1}, ...; {@code has}: which
   * lower-case substrings the text holds (its word masks); {@code allowed}: where a topic's phrases are looked for
   * at all (the paper's categories allow the topic).
   */
  List<Column> masks(Column text, Function<String, Column> has, Function<Topic, Column> allowed, String prefix) {
    var masks = new ArrayList<Column>();
    for (int chunk = 0; chunk * 64 < phrases.size(); chunk++) {
      List<StemmedPhrase> these = phrases.subList(chunk * 64, Math.min(phrases.size(), chunk * 64 + 64));
      Column candidates = lit(0L);
      for (int i = 0; i < these.size(); i++) {
        Column all = KeywordRules.anyOf(topics.get(chunk * 64 + i).stream().map(allowed).toList());
        for (String p : these.get(i).prefixes()) {
          all = all.and(has.apply(p));
        }
        candidates = candidates.bitwiseOR(when(all, lit(1L << i)).otherwise(lit(0L)));
      }
      StemmedPhrase[] array = these.toArray(StemmedPhrase[]::new);
      UserDefinedFunction found = udf((UDF2<String, Long, Long>) (t, c) -> c == 0L ? 0L
          : StemmedPhrase.findAll(t, array, c), DataTypes.LongType).asNonNullable();
      masks.add(found.apply(text, candidates).as(prefix + chunk));
    }
    return masks;
  }

  /** True where the phrase (by its stems) occurs in the text whose masks are {@code prefix0}, {@code prefix1}, ... */
  Column has(StemmedPhrase phrase, String prefix) {
    int i = stems.indexOf(phrase.stems());
    if (i < 0) {
      throw new IllegalArgumentException("not a phrase of the masks: " + phrase);
    }
    return WordMasks.bit(prefix, i);
  }
}
