package org.arxivdigest.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;

/**
 * What each input file holds, told from its content (the first 64 KiB, decompressed), not its name: Kaggle JSON
 * lines, an OAI-PMH response (records of the arXivRaw, arXiv or oai_dc format; another verb; an error), an arXiv
 * API Atom feed, an HTML page saved in place of a response (arXiv's 503 "Retry after"), or XML of another kind.
 * Every input gets a kind and, when it cannot be read as records, an error: the run summary names both per file.
 * Runs on the executors, one small task per group of files, so that thousands of harvested pages are looked at in
 * one scan.
 */
public final class InputKinds {
  private InputKinds() {}

  /** The kinds of file; those of records name the format of their records (see {@link SourceKind}). */
  public static final String KAGGLE = SourceKind.KAGGLE.code;
  public static final String ARXIV_RAW = SourceKind.ARXIV_RAW.code;
  public static final String ARXIV = SourceKind.ARXIV.code;
  public static final String OAI_DC = SourceKind.OAI_DC.code;
  public static final String ATOM = SourceKind.ATOM.code;
  /** A ListRecords or GetRecord page whose records are all deleted (headers only, no metadata format known). */
  public static final String OAI_DELETED = "oai_deleted";
  public static final String OAI_ERROR = "oai_error";
  /** Identify, ListSets, ListMetadataFormats, ListIdentifiers: valid responses that hold no records. */
  public static final String OAI_OTHER_VERB = "oai_no_records";
  public static final String HTML = "html";
  public static final String OTHER_XML = "other_xml";
  public static final String EMPTY = "empty";

  /** How much of a file is looked at. */
  static final int HEAD_BYTES = 64 * 1024;
  private static final int TAIL_BYTES = 1024;

  /** A file and what it holds; {@code error} says why its records (or some) cannot be read, else null. */
  public record Kind(String path, String kind, String error) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Read by the OAI-PMH reader: pages of records (also those of deleted records only). */
    public boolean oai() {
      return kind.equals(ARXIV_RAW) || kind.equals(ARXIV) || kind.equals(OAI_DC) || kind.equals(OAI_DELETED);
    }

    public boolean atom() {
      return kind.equals(ATOM);
    }

    /** Read as JSON lines: the Kaggle dump, and anything that is not XML (its lines end in quarantine). */
    public boolean kaggle() {
      return kind.equals(KAGGLE);
    }
  }

  /** The kind of every path, in path order. */
  public static List<Kind> detect(SparkSession spark, List<String> paths) {
    if (paths.isEmpty()) {
      return List.of();
    }
    var jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext(),
        spark.sparkContext().hadoopConfiguration());
    int slices = Math.max(1, Math.min(paths.size(), spark.sparkContext().defaultParallelism() * 4));
    var out = new ArrayList<>(jsc.parallelize(paths, slices).map(path -> look(path, conf)).collect());
    out.sort(Comparator.comparing(Kind::path));
    return out;
  }

  private static Kind look(String path, Broadcast<SerializableConfiguration> conf) {
    Path p = new Path(path);
    try {
      FileSystem fs = CompressedInputs.raw(p.getFileSystem(conf.value().value()));
      byte[] head = head(fs, p);
      byte[] tail = null;
      if (head == null) {
        return new Kind(path, KAGGLE, null);
      }
      if (!CompressedInputs.isCompressed(path)) {
        long length = fs.getFileStatus(p).getLen();
        if (length > head.length) {
          try (FSDataInputStream in = fs.open(p)) {
            in.seek(Math.max(0, length - TAIL_BYTES));
            tail = in.readNBytes(TAIL_BYTES);
          }
        }
      }
      return of(path, head, tail);
    } catch (IOException e) {
      return new Kind(path, KAGGLE, null); // the line reader meets the same error and reports it as it does today
    }
  }

  /**
   * Up to {@link #HEAD_BYTES} of the file, decompressed; for a compressed file cut short or damaged, what comes
   * before the damage (CompressedInputs names the file); null when nothing can be read (then read as lines).
   */
  private static byte[] head(FileSystem fs, Path p) throws IOException {
    var buffer = new java.io.ByteArrayOutputStream();
    try (InputStream in = CompressedInputs.decompressed(new BufferedInputStream(fs.open(p), 1 << 16))) {
      byte[] chunk = new byte[8192];
      for (int n; buffer.size() < HEAD_BYTES && (n = in.read(chunk, 0, Math.min(chunk.length,
          HEAD_BYTES - buffer.size()))) > 0; ) {
        buffer.write(chunk, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (buffer.size() == 0) {
        return null;
      }
    }
    return buffer.toByteArray();
  }

  private static final Pattern ROOT = Pattern.compile(
      "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([A-Za-z_][\\w.:-]*)", Pattern.DOTALL);
  private static final Pattern VERB = Pattern.compile("<request\\b[^>]*\\bverb=\"([A-Za-z]+)\"");
  private static final Pattern PREFIX = Pattern.compile("<request\\b[^>]*\\bmetadataPrefix=\"([^\"]+)\"");
  private static final Pattern METADATA = Pattern.compile("<metadata>\\s*<(arXivRaw|arXiv|oai_dc:dc)[\\s>/]");
  private static final Pattern OAI_ERROR_ELEMENT =
      Pattern.compile("<error\\b[^>]*\\bcode=\"([^\"]*)\"[^>]*>(.*?)</error>", Pattern.DOTALL);
  private static final Pattern ATOM_ERROR = Pattern.compile(
      "<entry>\\s*<id>https?://arxiv\\.org/api/errors#[^<]*</id>.*?<summary>(.*?)</summary>", Pattern.DOTALL);
  private static final Pattern HTML_TEXT = Pattern.compile("<(?:title|h1)[^>]*>(.*?)</", Pattern.DOTALL);

  /**
   * The kind of a file from its first bytes ({@code head}, decompressed) and, for a plain file longer than that,
   * its last kilobyte ({@code tail}, else null): a plain XML file that does not end with its root's end tag was cut
   * short.
   */
  static Kind of(String path, byte[] head, byte[] tail) {
    String text = new String(head, StandardCharsets.UTF_8);
    String start = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (start.isBlank()) {
      return new Kind(path, head.length == 0 ? EMPTY : KAGGLE, null);
    }
    if (!start.stripLeading().startsWith("<")) {
      return new Kind(path, KAGGLE, null);
    }
    Matcher root = ROOT.matcher(start);
    String element = root.find() ? root.group(1) : "";
    // The whole file's end: its tail, or its head when that is all of it; unknown for a long compressed file.
    String whole = tail != null ? text + new String(tail, StandardCharsets.UTF_8)
        : head.length < HEAD_BYTES ? text : null;
    switch (element) {
      case "OAI-PMH" -> {
        return oai(path, text, truncated(whole, "</OAI-PMH>"));
      }
      case "feed" -> {
        Matcher error = ATOM_ERROR.matcher(text);
        String cut = truncated(whole, "</feed>");
        return new Kind(path, ATOM, error.find() ? "arXiv API error: " + unescape(error.group(1).strip()) : cut);
      }
      default -> {
        if (element.toLowerCase(Locale.ROOT).equals("html")) {
          Matcher m = HTML_TEXT.matcher(text);
          String says = m.find() ? ": \"" + m.group(1).strip() + "\"" : "";
          return new Kind(path, HTML, "an HTML page, not an OAI-PMH or Atom response" + says);
        }
        return new Kind(path, OTHER_XML, "XML whose root element <" + element
            + "> is neither an OAI-PMH response nor an Atom feed");
      }
    }
  }

  private static Kind oai(String path, String text, String cut) {
    Matcher error = OAI_ERROR_ELEMENT.matcher(text);
    if (error.find()) {
      return new Kind(path, OAI_ERROR, "OAI-PMH error " + error.group(1) + ": " + unescape(error.group(2).strip()));
    }
    Matcher verb = VERB.matcher(text);
    String v = verb.find() ? verb.group(1) : "";
    if (!v.equals("ListRecords") && !v.equals("GetRecord") && !text.contains("<ListRecords>")
        && !text.contains("<GetRecord>")) {
      return new Kind(path, OAI_OTHER_VERB, "an OAI-PMH " + (v.isEmpty() ? "response" : v + " response")
          + " holds no records");
    }
    Matcher prefix = PREFIX.matcher(text);
    Matcher first = METADATA.matcher(text);
    String format = prefix.find() ? prefix.group(1) : first.find() ? first.group(1).replace("oai_dc:dc", OAI_DC) : "";
    return switch (format) {
      case "arXivRaw" -> new Kind(path, ARXIV_RAW, cut);
      case "arXiv" -> new Kind(path, ARXIV, cut);
      case "oai_dc" -> new Kind(path, OAI_DC, cut);
      case "" -> new Kind(path, OAI_DELETED, cut);
      default -> new Kind(path, OTHER_XML, "OAI-PMH records of the metadata format " + format
          + ", which is not read (arXivRaw, arXiv and oai_dc are)");
    };
  }

  /** Null when the file ends with its root's end tag, else the error that says it was cut short. */
  private static String truncated(String whole, String endTag) {
    return whole == null || whole.stripTrailing().endsWith(endTag) ? null
        : "cut short: the file does not end with " + endTag + "; the records before the cut are read";
  }

  private static String unescape(String xml) {
    return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
