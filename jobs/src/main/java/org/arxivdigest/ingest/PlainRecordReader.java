package org.arxivdigest.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.normalize.Text;
import org.arxivdigest.schema.Columns;
import org.arxivdigest.schema.Schemas;

/**
 * The record of a line that holds nothing unusual, read in one pass over its UTF-8 bytes, with the text fields of
 * {@link KaggleReader#COLLAPSED} collapsed as they are read; null for any other line, which then goes the general
 * way ({@code from_json} and {@link JsonLineCheck}).
 *
 * <p>Nothing unusual means: well-formed UTF-8, not blank, no byte order mark, one strict JSON object and nothing
 * after it, each field of the record schema at most once, a string or null where the schema has a string, an array
 * of objects of strings where it has the versions, an array of arrays of strings where it has the parsed authors.
 * Spark's JSON parser accepts more than strict JSON, never less, so such a line gets the record {@code from_json}
 * with {@link Schemas#KAGGLE_RECORD} gives (then collapsed), and the line check finds nothing in it.
 * PlainRecordReaderTest holds the two ways equal on every sample and bad-corpus line and on changed real records.
 *
 * <p>Why: {@code from_json} reads a string column through a character reader (the line decoded first), and the
 * line check parsed each line a second time; the two were a fifth of {@code ingest.parse} (bench/RESULTS.md,
 * issue 22). Collapsing from the parser's buffer saves decoding each text to a string and encoding it back.
 */
final class PlainRecordReader implements UDF1<byte[], Row> {
  private static final long serialVersionUID = 1L;

  /** Strict JSON (Jackson's defaults: no single quotes, no NaN, no comments), over bytes. */
  private static final JsonFactory JSON = new JsonFactory();

  private static final StructType SCHEMA = Schemas.KAGGLE_RECORD;
  private static final int VERSIONS = SCHEMA.fieldIndex(Columns.RAW_VERSIONS);
  private static final int AUTHORS_PARSED = SCHEMA.fieldIndex(Columns.RAW_AUTHORS_PARSED);
  private static final int CORRUPT = SCHEMA.fieldIndex(Columns.CORRUPT_RECORD);
  private static final Map<String, Integer> FIELDS = fields();
  /** The fields given collapsed ({@link KaggleReader#COLLAPSED}), as a bit per field index. */
  private static final long COLLAPSED = collapsed();
  private static final int LABEL = 0;
  private static final int CREATED = 1;

  private static Map<String, Integer> fields() {
    var byName = new HashMap<String, Integer>();
    String[] names = SCHEMA.fieldNames();
    for (int i = 0; i < names.length; i++) {
      byName.put(names[i], i);
    }
    return Map.copyOf(byName);
  }

  private static long collapsed() {
    long bits = 0;
    for (String name : KaggleReader.COLLAPSED) {
      bits |= 1L << SCHEMA.fieldIndex(name);
    }
    return bits;
  }

  /** Not a plain record: the general way reads it. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  @Override
  public Row call(byte[] line) {
    if (line == null || line.length > JsonLineCheck.MAX_STRING_LENGTH || line.length == 0 || line[0] != '{'
        || JsonLineCheck.blankOrInvalid(line) != null) {
      return null;
    }
    try (JsonParser p = JSON.createParser(line)) {
      Object[] values = record(p);
      return p.nextToken() == null ? RowFactory.create(values) : null;
    } catch (IOException | NotPlain e) {
      return null;
    }
  }

  private static Object[] record(JsonParser p) throws IOException, NotPlain {
    p.nextToken(); // the '{' the line starts with
    Object[] values = new Object[SCHEMA.size()];
    long seen = 0;
    for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
      expect(t, JsonToken.FIELD_NAME);
      String name = p.currentName();
      JsonToken value = p.nextToken();
      int index = FIELDS.getOrDefault(name, -1);
      if (index < 0) {
        p.skipChildren();
        continue;
      }
      if (index == CORRUPT || (seen & 1L << index) != 0) {
        throw NotPlain.INSTANCE;
      }
      seen |= 1L << index;
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      if (index == VERSIONS) {
        values[index] = versions(p);
      } else if (index == AUTHORS_PARSED) {
        values[index] = authors(p);
      } else if ((COLLAPSED & 1L << index) != 0) {
        expect(value, JsonToken.VALUE_STRING);
        values[index] = Text.collapse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      } else {
        values[index] = string(p, value);
      }
    }
    return values;
  }

  private static String string(JsonParser p, JsonToken token) throws IOException, NotPlain {
    if (token != JsonToken.VALUE_STRING) {
      throw NotPlain.INSTANCE;
    }
    return p.getText();
  }

  private static List<Row> versions(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken(), JsonToken.START_ARRAY);
    var out = new ArrayList<Row>(4);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expect(t, JsonToken.START_OBJECT);
      String[] fields = new String[2];
      boolean[] seen = new boolean[2];
      for (JsonToken f = p.nextToken(); f != JsonToken.END_OBJECT; f = p.nextToken()) {
        expect(f, JsonToken.FIELD_NAME);
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int index = Columns.RAW_VERSION_LABEL.equals(name) ? LABEL
            : Columns.RAW_VERSION_CREATED.equals(name) ? CREATED : -1;
        if (index < 0) {
          p.skipChildren();
          continue;
        }
        if (seen[index]) {
          throw NotPlain.INSTANCE;
        }
        seen[index] = true;
        fields[index] = value == JsonToken.VALUE_NULL ? null : string(p, value);
      }
      out.add(RowFactory.create(fields[LABEL], fields[CREATED]));
    }
    return out;
  }

  private static List<List<String>> authors(JsonParser p) throws IOException, NotPlain {
    expect(p.currentToken(), JsonToken.START_ARRAY);
    var out = new ArrayList<List<String>>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expect(t, JsonToken.START_ARRAY);
      var parts = new ArrayList<String>(3);
      for (JsonToken s = p.nextToken(); s != JsonToken.END_ARRAY; s = p.nextToken()) {
        parts.add(string(p, s));
      }
      out.add(parts);
    }
    return out;
  }

  private static void expect(JsonToken token, JsonToken wanted) throws NotPlain {
    if (token != wanted) {
      throw NotPlain.INSTANCE;
    }
  }
}
