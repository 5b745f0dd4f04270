import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;

/**
 * Makes {@code word_classes.tsv}: how often each word of a corpus is tagged as each coarse part of speech by Apache
 * OpenNLP's English tagger (Universal Dependencies tags, model {@code opennlp-models-pos-en} 1.3.0, trained on the
 * UD English Web Treebank). The trending terms read it to keep to terms a noun heads (see
 * {@code org.arxivdigest.aggregate.WordClasses}); tagging at run time would cost ~2 s a thousand papers on one core.
 *
 * <p>Input: one abstract a line, UTF-8 (titles are left out: in title case the tagger takes most words for proper
 * nouns). Each line is cut into sentences at . ! ? before white
 * space, each sentence into tokens by OpenNLP's {@code SimpleTokenizer} (runs of letters, of digits, and single
 * other characters) and tagged. A token of letters or digits is counted under its lower case (the root locale) and
 * its tag's class: noun (NOUN, PROPN), adj (ADJ), num (NUM), verb (VERB, AUX), adv (ADV), other (the rest). Words
 * tagged fewer than {@code MIN_COUNT} times are left out. Output sorted by word, so the same input gives the same
 * bytes. Run with Java's single-file launcher (commands in data/reference/MANIFEST.md).
 */
public final class MakeWordClasses {
  private static final int MIN_COUNT = 5;
  private static final String[] CLASSES = {"noun", "adj", "num", "verb", "adv", "other"};
  private static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

  private MakeWordClasses() {}

  private static int classOf(String tag) {
    switch (tag) {
      case "NOUN": case "PROPN": return 0;
      case "ADJ": return 1;
      case "NUM": return 2;
      case "VERB": case "AUX": return 3;
      case "ADV": return 4;
      default: return 5;
    }
  }

  private static Map<String, long[]> tag(POSModel model, List<String> lines) {
    POSTaggerME tagger = new POSTaggerME(model);
    Map<String, long[]> counts = new HashMap<>();
    for (String line : lines) {
      for (String sentence : line.split("(?<=[.!?])\\s+")) {
        String[] tokens = SimpleTokenizer.INSTANCE.tokenize(sentence);
        if (tokens.length == 0) {
          continue;
        }
        String[] tags = tagger.tag(tokens);
        for (int i = 0; i < tokens.length; i++) {
          if (Character.isLetterOrDigit(tokens[i].codePointAt(0))) {
            counts.computeIfAbsent(tokens[i].toLowerCase(Locale.ROOT), w -> new long[CLASSES.length])
                [classOf(tags[i])]++;
          }
        }
      }
    }
    return counts;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -cp <opennlp jars> MakeWordClasses.java TEXTS > word_classes.tsv");
      System.exit(2);
    }
    POSModel model;
    try (InputStream in = MakeWordClasses.class.getResourceAsStream(MODEL)) {
      if (in == null) {
        throw new IOException("the tagger model " + MODEL + " is not on the class path");
      }
      model = new POSModel(in);
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    }
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Map<String, long[]>>> parts = new ArrayList<>();
    int size = (lines.size() + threads - 1) / threads;
    for (int from = 0; from < lines.size(); from += size) {
      List<String> part = lines.subList(from, Math.min(lines.size(), from + size));
      parts.add(pool.submit(() -> tag(model, part)));
    }
    Map<String, long[]> all = new TreeMap<>();
    for (Future<Map<String, long[]>> part : parts) {
      part.get().forEach((w, c) -> {
        long[] sum = all.computeIfAbsent(w, k -> new long[CLASSES.length]);
        for (int i = 0; i < c.length; i++) {
          sum[i] += c[i];
        }
      });
    }
    pool.shutdown();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    out.println("word\ttagged\t" + String.join("\t", CLASSES));
    all.forEach((w, c) -> {
      long n = 0;
      for (long x : c) {
        n += x;
      }
      if (n >= MIN_COUNT) {
        StringBuilder row = new StringBuilder(w).append('\t').append(n);
        for (long x : c) {
          row.append('\t').append(x);
        }
        out.println(row);
      }
    });
    out.flush();
  }
}
