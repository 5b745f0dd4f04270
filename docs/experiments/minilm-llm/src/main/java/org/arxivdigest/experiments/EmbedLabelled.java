package org.arxivdigest.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * Args: RECENT_DIR IDS_FILE OUT_CSV. For each id of IDS_FILE found in the converted recent papers: id, whether it is
 * in the labels' dev half (Spark's {@code pmod(hash(id), 2) == 0}), and the 384 numbers of all-MiniLM-L6-v2's
 * embedding of "title. abstract". Prints the papers embedded per second.
 */
public final class EmbedLabelled {
  private EmbedLabelled() {}

  public static void main(String[] args) throws Exception {
    Set<String> ids = new HashSet<>(Files.readAllLines(Path.of(args[1])));
    ObjectMapper json = new ObjectMapper();
    Map<String, String> text = new LinkedHashMap<>();
    List<Path> files;
    try (var list = Files.list(Path.of(args[0]))) {
      files = list.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    for (Path p : files) {
      try (var r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)),
          StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          JsonNode n = json.readTree(line);
          String id = n.get("id").asText();
          if (ids.contains(id)) {
            text.put(id, (n.get("title").asText() + ". " + n.get("abstract").asText()).replaceAll("\\s+", " ").trim());
          }
        }
      }
    }
    System.err.println("papers found: " + text.size() + " of " + ids.size());
    var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    long start = System.nanoTime();
    var keys = new ArrayList<>(text.keySet());
    try (var out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
      for (int i = 0; i < keys.size(); i += 32) {
        List<String> batch = keys.subList(i, Math.min(keys.size(), i + 32));
        List<Embedding> vectors = model.embedAll(batch.stream().map(k -> TextSegment.from(text.get(k))).toList())
            .content();
        for (int j = 0; j < batch.size(); j++) {
          StringBuilder row = new StringBuilder(batch.get(j)).append(',').append(isDev(batch.get(j)) ? 1 : 0);
          for (float f : vectors.get(j).vector()) {
            row.append(',').append(f);
          }
          out.println(row);
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf("embedded %d papers in %.1f s: %.0f papers/s%n", keys.size(), seconds, keys.size() / seconds);
  }

  private static boolean isDev(String id) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    return Math.floorMod(Murmur3_x86_32.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, 42), 2) == 0;
  }
}
