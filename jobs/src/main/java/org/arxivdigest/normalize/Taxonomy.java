package org.arxivdigest.normalize;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * arXiv's category taxonomy (data/reference/arxiv_categories.csv, made from arXiv's own definitions; see its
 * MANIFEST.md), on the classpath as {@code reference/arxiv_categories.csv}.
 */
public final class Taxonomy {
  private Taxonomy() {}

  static final String RESOURCE = "/reference/arxiv_categories.csv";

  /** oai_dc subject text ("Computer Science - Machine Learning") to category code (cs.LG), sorted by subject. */
  public static Map<String, String> categoryBySubject() {
    var out = new TreeMap<String, String>();
    try (InputStream in = Taxonomy.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing from the jar: " + RESOURCE);
      }
      var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord row : format.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        out.put(row.get("oai_dc_subject"), row.get("category"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
