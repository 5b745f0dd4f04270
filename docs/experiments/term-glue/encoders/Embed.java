import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.*;
import java.util.*;
import java.io.PrintWriter;
public class Embed {
  public static void main(String[] a) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(a[1]));
    EmbeddingModel model = (EmbeddingModel) Class.forName(a[0]).getConstructor().newInstance();
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(a[2])))) {
      for (int i = 0; i < lines.size(); i += 64) {
        var batch = lines.subList(i, Math.min(lines.size(), i + 64));
        var v = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
        for (var e : v) { StringBuilder sb = new StringBuilder(); for (float f : e.vector()) sb.append(sb.length() == 0 ? "" : ",").append(f); out.println(sb); }
      }
    }
  }
}
