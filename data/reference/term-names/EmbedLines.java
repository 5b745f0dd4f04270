// Args: LINES_FILE OUT_CSV. all-MiniLM-L6-v2 (quantized, langchain4j) embeddings of each line, one CSV row of 384 numbers each.
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.*;
import java.util.*;
import java.io.PrintWriter;

public class EmbedLines {
  public static void main(String[] a) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(a[0]));
    var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(a[1])))) {
      for (int i = 0; i < lines.size(); i += 64) {
        var batch = lines.subList(i, Math.min(lines.size(), i + 64));
        var v = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
        for (var e : v) {
          StringBuilder sb = new StringBuilder();
          for (float f : e.vector()) sb.append(sb.length() == 0 ? "" : ",").append(f);
          out.println(sb);
        }
      }
    }
  }
}
