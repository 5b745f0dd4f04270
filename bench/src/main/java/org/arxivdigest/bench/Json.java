package org.arxivdigest.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one bit of JSON the anchors print. */
final class Json {
  private Json() {}

  static String list(List<Double> seconds) {
    return seconds.stream().map(s -> String.format(Locale.ROOT, "%.3f", s))
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
