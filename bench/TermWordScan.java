import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arxivdigest.classify.tfidf.DocumentTerms;

/**
 * The trending terms' word scan with and without TeX markup read as no words (bench/RESULTS.md, session 38): each
 * round scans every line of TEXTS (a title or an abstract a line) once as the model's twin does
 * ({@code forEachWordWithAdjacency}) and once as the trending terms do ({@code forEachTermWord}), and prints both.
 *
 * <pre>java [Spark's --add-opens flags] -cp JOBS_JAR:CLASSPATH bench/TermWordScan.java TEXTS</pre>
 */
public class TermWordScan {
  private static long sink;

  public static void main(String[] args) throws Exception {
    List<String> texts = Files.readAllLines(Path.of(args[0]));
    for (int round = 0; round < 7; round++) {
      long t0 = System.nanoTime();
      for (String t : texts) {
        DocumentTerms.forEachWordWithAdjacency(t, (w, adjacent) -> sink += w.length());
      }
      long t1 = System.nanoTime();
      for (String t : texts) {
        DocumentTerms.forEachTermWord(t, (w, adjacent) -> sink += w.length());
      }
      long t2 = System.nanoTime();
      System.out.printf("round %d: %d texts, words %.0f ms, words without TeX %.0f ms%n", round, texts.size(),
          (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
    System.out.println("(checksum " + sink + ")");
  }
}
