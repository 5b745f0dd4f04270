package org.arxivdigest.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The one JSON mapper of the files the job writes for people and for its next run (manifests, stage stamps, run
 * summary, model metrics): records in, records out, keys in snake_case ({@code runId} is {@code "run_id"}),
 * indented, unknown keys ignored on reading (a file written by a later version still reads).
 */
public final class Json {
  private Json() {}

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The value as indented JSON, with a final newline. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not serializable as JSON: " + value.getClass().getName(), e);
    }
  }

  /** A value of {@code type} from JSON text; an {@link IOException} when the text is not JSON of that shape. */
  public static <T> T read(byte[] json, Class<T> type) throws IOException {
    return MAPPER.readValue(json, type);
  }

  /** A tree read before as a value of {@code type}, or null when it is not of that shape. */
  public static <T> T convert(JsonNode tree, Class<T> type) {
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return null;
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }

  /** A record's fields as a map (nested records as maps), in its order, keys in snake_case. */
  @SuppressWarnings("unchecked")
  public static java.util.Map<String, Object> fields(Object value) {
    return MAPPER.convertValue(value, java.util.LinkedHashMap.class);
  }

  /** A value as a tree, e.g. to keep it inside another record. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
