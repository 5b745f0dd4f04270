import static org.apache.spark.sql.functions.col;
import java.nio.file.*;
import java.util.*;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.*;
import org.arxivdigest.classify.tfidf.TfidfModels;
import org.arxivdigest.config.*;

/**
 * Args: PAPERS_DIR IDS_FILE MODEL_DIR OUT_CSV TOPICS_JSON. The llm topic model's score of each labelled paper, as
 * {@code arxiv-digest classify} computes it ({@link TfidfModels#topicScores}). Run as a source file with the project's
 * jar and Spark on the class path (run.sh).
 */
public class ScoreLabelled {
  public static void main(String[] a) throws Exception {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    List<String> ids = Files.readAllLines(Path.of(a[1]));
    Dataset<Row> papers = spark.read().parquet(a[0]).filter(col("id").isin(ids.toArray()));
    Topic llm = TopicsConfig.load(a[4], spark.sparkContext().hadoopConfiguration()).stream()
        .filter(t -> t.slug().equals("llm")).findFirst().orElseThrow();
    PipelineModel m = PipelineModel.load(a[2]);
    List<Row> rows = TfidfModels.topicScores(papers, llm, m).select("id", "score").collectAsList();
    var sb = new StringBuilder();
    for (Row r : rows) sb.append(r.getString(0)).append(',').append(r.getDouble(1)).append('\n');
    Files.writeString(Path.of(a[3]), sb);
    System.err.println("scored " + rows.size());
  }
}
