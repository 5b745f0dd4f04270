package org.arxivdigest.classify.keyword;

import com.google.re2j.Pattern;
import org.apache.spark.sql.api.java.UDF1;

/**
 * Whether a topic's regex ({@code include_regex}, {@code exclude_regex}: RE2 syntax, case-insensitive) occurs in a
 * text, on RE2/J: linear in the text whatever the pattern, where Spark's {@code rlike} (java.util.regex) can
 * backtrack for ever on a pattern such as {@code (.*?,){11}P}. The pattern is compiled once per executor JVM.
 */
final class Re2Find implements UDF1<String, Boolean> {
  private static final long serialVersionUID = 1L;

  private final String regex;
  private transient Pattern pattern;

  Re2Find(String regex) {
    this.regex = regex;
  }

  @Override
  public Boolean call(String text) {
    if (text == null) {
      return false;
    }
    if (pattern == null) {
      pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }
    return pattern.matcher(text).find();
  }
}
