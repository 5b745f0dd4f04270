package org.arxivdigest.aggregate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Terms that name nothing, as a sentence encoder reads them ({@code data/reference/unnamed_terms.txt}, made by
 * {@code data/reference/term-names/make_term_names.sh}; see that folder's MANIFEST.md). On the classpath as
 * {@value #RESOURCE}.
 *
 * <p>A trending term is to name a method, model, dataset, task or object of its topic. The corpus statistics and the
 * noun-phrase shape leave vague nouns that are shaped like names ("threat", "final answer", "correct answers",
 * "answer quality") and fragments of longer names ("pro" of Gemini-3-Pro). What tells them apart is what the words
 * mean: a logistic regression on all-MiniLM-L6-v2's embedding of a term, fit on the trending terms a person judged
 * in nine readings, scored each term that can trend in the 59,937 cs papers of 2025-03..2026-07; the third below the
 * cut are listed. A term not on the list is kept: a term new to the list's corpus (a new model's name, another
 * field's vocabulary) is read by the other rules alone. The encoder runs where the list is made, not in the job.
 * A term people judged (thirteen readings and extra labels) is listed or not as most of them judged it, whatever the
 * encoder scored: on held-out topics this made six changes, all as their reader judged them
 * ({@code docs/trending-eval11.md} to {@code docs/trending-eval13.md}).
 *
 * <p>Not on the list but named here: a quantity, a number with a thousand, million or times after it ("7k", "8k",
 * "3x": a count of samples, a context length, a speed-up), which the readings judged naming nothing each time. A
 * model's size ("7b", "qwen3 4b") is not taken for a quantity: the readings differ on those, and the list holds their
 * verdicts ("8b" listed, "4b" kept).
 */
final class UnnamedTerms {
  static final String RESOURCE = "/reference/unnamed_terms.txt";

  private static final Set<String> TERMS = load();

  /** A number and a multiplier: a quantity, not a name. */
  private static final Pattern QUANTITY = Pattern.compile("\\d+[kmx]");

  private UnnamedTerms() {}

  /** Whether {@code term} (lower case, words joined by a space) is on the list, or is a quantity. */
  static boolean contains(String term) {
    return TERMS.contains(term) || QUANTITY.matcher(term).matches();
  }

  private static Set<String> load() {
    var terms = new HashSet<String>();
    try (InputStream in = UnnamedTerms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + RESOURCE);
      }
      var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        terms.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(terms);
  }
}
