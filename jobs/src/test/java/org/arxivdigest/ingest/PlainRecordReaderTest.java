package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.arxivdigest.normalize.Text;
import org.arxivdigest.schema.Schemas;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader gives the record {@code from_json} gives (its text then collapsed), on every line it takes,
 * and leaves to the general way every line with something unusual in it.
 */
class PlainRecordReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every line of the sample's Kaggle files and of its two months of recent papers, as bytes. */
  private static List<byte[]> sampleLines() throws IOException {
    var lines = new ArrayList<byte[]>();
    Path sample = TestSpark.sample();
    try (Stream<Path> files = Files.list(sample.resolve("kaggle"))) {
      for (Path f : files.sorted().toList()) {
        Files.readAllLines(f, StandardCharsets.UTF_8).forEach(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
      }
    }
    try (Stream<Path> files = Files.list(sample.resolve("recent"))) {
      for (Path f : files.sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(2000)
              .forEach(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
        }
      }
    }
    return lines;
  }

  /** The lines of the bad-input corpus that are plain JSON-lines files (raw bytes: invalid UTF-8 stays so). */
  private static List<byte[]> badLines() throws IOException {
    var lines = new ArrayList<byte[]>();
    try (Stream<Path> files = Files.list(TestSpark.repo().resolve("jobs/src/test/resources/bad"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        byte[] all = Files.readAllBytes(f);
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
          if (i == all.length || all[i] == '\n') {
            lines.add(java.util.Arrays.copyOfRange(all, start, i));
            start = i + 1;
          }
        }
      }
    }
    return lines;
  }

  /** A real record changed one way each: what a dump or a hand edit can do to a line. */
  private static Map<String, String> variants(String line) throws IOException {
    Map<String, UnaryOperator<ObjectNode>> edits = new java.util.LinkedHashMap<>();
    edits.put("title a number", o -> o.put("title", 12.50));
    edits.put("title true", o -> o.put("title", true));
    edits.put("title an object", o -> {
      o.putObject("title").put("a", "b");
      return o;
    });
    edits.put("title an array", o -> {
      o.putArray("title").add("x");
      return o;
    });
    edits.put("title null", o -> o.putNull("title"));
    edits.put("id a number", o -> o.put("id", 2505.13310));
    edits.put("versions a string", o -> o.put("versions", "v1"));
    edits.put("a version null", o -> {
      o.withArray("versions").addNull();
      return o;
    });
    edits.put("a version's label a number", o -> {
      o.withArray("versions").addObject().put("version", 2).put("created", "Mon, 2 Apr 2007 19:18:42 GMT");
      return o;
    });
    edits.put("a version's date null", o -> {
      o.withArray("versions").addObject().put("version", "v9").putNull("created");
      return o;
    });
    edits.put("a version with more fields", o -> {
      o.withArray("versions").addObject().put("version", "v9").put("size", 12).putObject("x").put("y", 1);
      return o;
    });
    edits.put("a version that is an array", o -> {
      o.withArray("versions").addArray().add("v1");
      return o;
    });
    edits.put("an author null", o -> {
      o.withArray("authors_parsed").addNull();
      return o;
    });
    edits.put("an author's part null", o -> {
      o.withArray("authors_parsed").addArray().add("Doe").addNull().add("");
      return o;
    });
    edits.put("an author's part a number", o -> {
      o.withArray("authors_parsed").addArray().add("Doe").add(3);
      return o;
    });
    edits.put("authors parsed a string", o -> o.put("authors_parsed", "Doe, J."));
    edits.put("the corrupt column as a field", o -> o.put("_corrupt_record", "x"));
    edits.put("unknown deep field", o -> {
      o.putObject("extra").putArray("a").addObject().put("b", 1.5e300).putNull("c");
      return o;
    });
    edits.put("no fields", o -> o.removeAll());
    edits.put("text with escapes", o -> o.put("abstract", "\u00e9 \uD83D\uDE00 \uD800 \\ \" / \t \u0000 \u2028 $x<y$"));
    var out = new java.util.LinkedHashMap<String, String>();
    for (var edit : edits.entrySet()) {
      out.put(edit.getKey(), JSON.writeValueAsString(edit.getValue().apply((ObjectNode) JSON.readTree(line))));
    }
    String title = "\"title\":";
    int at = line.indexOf(title);
    out.put("a repeated key", line.substring(0, at) + "\"title\":\"first\"," + line.substring(at));
    out.put("single quotes", line.substring(0, at) + "'title':'single quoted'," + line.substring(at));
    out.put("NaN", line.substring(0, at) + "\"n\":NaN," + line.substring(at));
    out.put("leading zeros", line.substring(0, at) + "\"n\":007," + line.substring(at));
    out.put("a comment", line.substring(0, at) + "/* note */" + line.substring(at));
    out.put("a space after", line + " ");
    out.put("garbage after", line + "x");
    out.put("two records", line + "{}");
    out.put("a comma after", line + ",");
    out.put("a space before", " " + line);
    out.put("a byte order mark", "\uFEFF" + line);
    out.put("unescaped controls and quotes", line.replace("\\n", "\n").replace("\\\"", "\""));
    out.put("cut short", line.substring(0, line.length() - 1));
    out.put("in an array", "[" + line + "]");
    out.put("empty object", "{}");
    out.put("a string", "\"" + line.replace("\"", "'") + "\"");
    return out;
  }

  /** The changed lines that stay strict JSON of the schema's types, which the plain reader takes. */
  private static final java.util.Set<String> PLAIN_VARIANTS = java.util.Set.of("title null", "a version's date null",
      "a version with more fields", "unknown deep field", "no fields", "text with escapes", "a space after",
      "empty object");

  @Test
  void takesUsualLinesAsFromJsonDoesAndLeavesTheRestToIt() throws IOException {
    List<byte[]> sample = sampleLines();
    var lines = new ArrayList<>(sample);
    lines.addAll(badLines());
    var expected = new ArrayList<Boolean>();
    for (String id : List.of("0704.0001", "hep-th/9608091")) {
      variants(TestSpark.sampleLine(id)).forEach((what, v) -> {
        lines.add(v.getBytes(StandardCharsets.UTF_8));
        expected.add(PLAIN_VARIANTS.contains(what));
      });
    }
    int firstVariant = lines.size() - expected.size();
    var rows = lines.stream().map(b -> RowFactory.create((Object) b)).toList();
    var spark = TestSpark.session();
    var df = spark.createDataFrame(rows, new StructType().add("b", DataTypes.BinaryType));
    Column general = col("general");
    List<Row> out = df.select(
        col("b"),
        udf(new PlainRecordReader(), Schemas.KAGGLE_RECORD).apply(col("b")).as("plain"),
        from_json(KaggleReader.withoutBom(col("b").cast(DataTypes.StringType)), Schemas.KAGGLE_RECORD,
            Map.of("mode", "PERMISSIVE", "columnNameOfCorruptRecord", "_corrupt_record")).as("general"))
        // The general way's record with its text collapsed as the plain reader gives it.
        .select(col("b"), col("plain"), struct(Arrays.stream(Schemas.KAGGLE_RECORD.fieldNames())
            .map(f -> (KaggleReader.COLLAPSED.contains(f) ? Text.collapse(general.getField(f))
                : general.getField(f)).as(f)).toArray(Column[]::new)))
        .collectAsList();
    var check = new JsonLineCheck();
    int taken = 0;
    int takenOfSample = 0;
    for (int i = 0; i < out.size(); i++) {
      Row r = out.get(i);
      byte[] line = r.getAs(0);
      if (r.isNullAt(1)) {
        continue;
      }
      String text = new String(line, StandardCharsets.UTF_8);
      assertThat((Object) r.getAs(1)).as("record of %s", text).isEqualTo(r.getAs(2));
      assertThat(check.call(line)).as("line check of %s", text).isNull();
      taken++;
      takenOfSample += i < sample.size() ? 1 : 0;
    }
    assertThat(takenOfSample).as("sample lines read the plain way").isEqualTo(sample.size());
    for (int i = 0; i < expected.size(); i++) {
      Row r = out.get(firstVariant + i);
      assertThat(!r.isNullAt(1)).as("taken: %s", new String((byte[]) r.getAs(0), StandardCharsets.UTF_8))
          .isEqualTo(expected.get(i));
    }
    assertThat(taken).isGreaterThan(sample.size() + 2 * PLAIN_VARIANTS.size() - 1);
  }
}
