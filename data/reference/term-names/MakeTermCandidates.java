import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.aggregate.TrendingTerms;
import org.arxivdigest.aggregate.WordClasses;

/**
 * Lists the terms that can trend in a corpus, one a line, sorted: the terms of a run's corpus prior
 * ({@code OUTPUT/_state/term_prior}, with the facts of {@code term_prior.json}) in at least
 * {@link TrendingTerms#MIN_TERM_PAPERS} of its papers, neither common nor a plain word alone, shaped like a noun
 * phrase ({@link WordClasses}): what the scorer itself lets through before the topic and the month are known.
 * The input of {@code make_term_names.sh}; the terms are a corpus's words, not its papers.
 *
 * <pre>java [Spark's --add-opens flags] -cp JOBS_JAR:CLASSPATH MakeTermCandidates.java OUTPUT CANDIDATES_TXT</pre>
 */
public class MakeTermCandidates {
  public static void main(String[] args) throws IOException {
    Path state = Path.of(args[0], "_state");
    JsonNode facts = new ObjectMapper().readTree(state.resolve("term_prior.json").toFile()).get("facts");
    Set<String> common = words(facts.get("common_words"));
    Set<String> plain = words(facts.get("plain_words"));
    var spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    List<Row> rows = spark.read().parquet(state.resolve("term_prior").toString())
        .filter("corpus_papers >= " + TrendingTerms.MIN_TERM_PAPERS).select("term").collectAsList();
    spark.stop();
    var out = new TreeSet<String>();
    for (Row row : rows) {
      String term = row.getString(0);
      String[] words = term.split(" ");
      boolean isCommon = common.contains(words[0]) && common.contains(words[words.length - 1]);
      boolean isPlain = words.length == 1 && plain.contains(term);
      if (!isCommon && !isPlain && WordClasses.get().isNounPhrase(term)) {
        out.add(term);
      }
    }
    try (var w = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
      out.forEach(w::println);
    }
    System.out.println(rows.size() + " terms in at least " + TrendingTerms.MIN_TERM_PAPERS + " papers, "
        + out.size() + " can trend -> " + args[1]);
  }

  private static Set<String> words(JsonNode array) {
    var set = new HashSet<String>();
    array.forEach(w -> set.add(w.asText()));
    return set;
  }
}
