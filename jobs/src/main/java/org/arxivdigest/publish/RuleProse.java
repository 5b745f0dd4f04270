package org.arxivdigest.publish;

import java.util.ArrayList;
import org.arxivdigest.classify.keyword.KeywordRules;
import org.arxivdigest.config.Topic;

/** A topic's keyword rule in words, for its README and HTML page. */
final class RuleProse {
  private RuleProse() {}

  static String describe(Topic topic) {
    var parts = new ArrayList<String>();
    for (String term : topic.include()) {
      parts.add(KeywordRules.isPhrase(term) ? "the phrase \"" + term + "\" in the title or the abstract"
          : "the word \"" + term + "\" (or \"" + term + "s\") in both the title and the abstract");
    }
    for (String regex : topic.includeRegex()) {
      parts.add("the pattern `" + regex + "` in the title or the abstract");
    }
    String rule = String.join(", or ", parts) + "; a category in " + String.join(", ", topic.categories());
    if (!topic.exclude().isEmpty() || !topic.excludeRegex().isEmpty()) {
      var ex = new ArrayList<String>();
      topic.exclude().forEach(t -> ex.add("\"" + t + "\""));
      topic.excludeRegex().forEach(r -> ex.add("`" + r + "`"));
      rule += "; not " + String.join(", ", ex);
    }
    return rule + ".";
  }
}
