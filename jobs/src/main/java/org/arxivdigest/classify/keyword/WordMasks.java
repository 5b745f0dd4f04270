package org.arxivdigest.classify.keyword;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.arxivdigest.config.Topic;

/**
 * Which of a fixed list of (lower-case) words occur in a text once lower-cased, as the bits of 64-bit masks (one
 * column per 64 words), found in one pass per text. The built-in {@code contains} (and {@code instr},
 * {@code like '%w%'}) runs Spark's {@code UTF8String.contains}, which calls a byte comparison at every position
 * holding the word's first byte; {@code String.indexOf} is a vectorized JDK intrinsic. On 50k real abstracts and
 * the 37 words of data/topics.json: 3.1–5.6 s against 0.3–0.5 s, decoding included; {@code contains} was 30% of
 * the classify stage's profile at 1M papers. So this is the rule's one UDF, and it only says where a regex may
 * match (the regex decides).
 */
final class WordMasks {
  private final List<String> words;

  WordMasks(java.util.Collection<String> words) {
    this.words = new ArrayList<>(new java.util.TreeSet<>(words));
  }

  /** The words of every include and exclude term of the topics, and the stem prefixes of the include phrases. */
  static WordMasks of(List<Topic> topics) {
    var all = new ArrayList<String>();
    for (Topic t : topics) {
      t.include().forEach(term -> all.addAll(KeywordRules.words(term)));
      t.include().stream().filter(KeywordRules::isPhrase)
          .forEach(term -> all.addAll(new StemmedPhrase(term).prefixes()));
      t.exclude().forEach(term -> all.addAll(KeywordRules.words(term)));
    }
    return new WordMasks(all);
  }

  /** The mask columns of {@code text} (not null), named {@code prefix0}, {@code prefix1}, ... */
  List<Column> masks(Column text, String prefix) {
    var masks = new ArrayList<Column>();
    for (int chunk = 0; chunk * 64 < words.size(); chunk++) {
      String[] these = words.subList(chunk * 64, Math.min(words.size(), chunk * 64 + 64)).toArray(String[]::new);
      UserDefinedFunction present = udf((UDF1<String, Long>) original -> {
        String lowered = original.toLowerCase(java.util.Locale.ROOT);
        long mask = 0;
        for (int i = 0; i < these.length; i++) {
          if (lowered.indexOf(these[i]) >= 0) {
            mask |= 1L << i;
          }
        }
        return mask;
      }, DataTypes.LongType).asNonNullable();
      masks.add(present.apply(text).as(prefix + chunk));
    }
    return masks;
  }

  /** True where the word is in the text whose masks are the columns {@code prefix0}, {@code prefix1}, ... */
  Column has(String word, String prefix) {
    int i = words.indexOf(word);
    if (i < 0) {
      throw new IllegalArgumentException("not a word of the masks: " + word);
    }
    return bit(prefix, i);
  }

  /** True where bit {@code i} is set in the masks {@code prefix0}, {@code prefix1}, ... (64 bits each). */
  static Column bit(String prefix, int i) {
    return col(prefix + (i / 64)).bitwiseAND(lit(1L << (i % 64))).notEqual(lit(0L));
  }
}
