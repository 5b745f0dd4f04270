package org.arxivdigest.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.arxivdigest.schema.Columns.DATE;
import static org.arxivdigest.schema.Columns.ID;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.SUBMITTED_AT;
import static org.arxivdigest.schema.Columns.TOPIC;
import static org.arxivdigest.schema.Columns.VERSION;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.arxivdigest.core.TopicMonth;
import org.arxivdigest.io.HadoopFiles;
import org.arxivdigest.io.Manifests;
import org.arxivdigest.run.StageContext;
import org.arxivdigest.schema.Catalog;

/**
 * Each topic's listing extract ({@code listings_<topic>.csv} and its spreadsheet copy): every listing row of the
 * topic, newest month first. Written whole by Spark the first time, with an {@link Index} of where each month's
 * rows lie in the files and the fingerprint of the month's listing partition then. A later run (a nightly merge,
 * a backfill) has Spark write only the months whose partition changed, as parts without a header, and puts each
 * file together on the driver: the header, then month by month the new part or the month's bytes from the file
 * in place. The bytes equal a whole write's (a month's rows are rendered and sorted alike either way:
 * {@code MergeRunTest} compares a merged output's extracts with a full run's), at a fraction of the cost: at 2.9M
 * papers the listing files are 1.7 GB, of which a day changes a few months.
 */
final class ListingExtracts {
  private ListingExtracts() {}

  /** More changed months than this share of all: the files are written whole. */
  static final double MOST_CHANGED = 0.5;

  /** The rows' order in a file: newest month, day, time, id and version first. */
  static final Column[] ORDER = {col(TOPIC), col(MONTH).desc(), col(DATE).desc(), col(SUBMITTED_AT).desc(),
      col(ID).desc(), col(VERSION).desc()};

  /**
   * Where a month's rows lie in a topic's two files: bytes {@code start} to {@code end} of the exact one,
   * {@code safeStart} to {@code safeEnd} of the spreadsheet copy; {@code fingerprint}: the month's listing
   * partition's when they were written.
   */
  record Part(String month, String fingerprint, long start, long end, long safeStart, long safeEnd) {}

  /** Per file name (without .csv), its months in file order. */
  record Index(Map<String, List<Part>> files) {}

  /** What a write did: the index of the files written, and how many months it wrote and kept. */
  record Written(Index index, int monthsWritten, int monthsKept) {}

  private static final String LISTINGS_PREFIX = Catalog.LISTINGS.folder() + "_";

  /** The file name (without .csv) of a topic's listing extract. */
  static String fileOf(String topic) {
    return LISTINGS_PREFIX + topic;
  }

  /**
   * Writes the listing extracts of {@code topics} into {@code staging}; {@code before}: the index of the files in
   * {@code current} (the extracts folder), null if none is known.
   */
  static Written write(StageContext ctx, List<String> topics, String staging, String current, Index before) {
    Manifests.Manifest manifest = Manifests.read(ctx.conf(), ctx.path(Catalog.LISTINGS));
    Map<String, String> fingerprints = manifest == null ? null : manifest.partitionFingerprints();
    // Per topic its months, newest first, with their fingerprints.
    var months = new TreeMap<String, TreeMap<String, String>>();
    topics.forEach(t -> months.put(t, new TreeMap<>(Comparator.reverseOrder())));
    if (fingerprints != null) {
      fingerprints.forEach((key, fp) -> {
        TopicMonth tm = TopicMonth.ofPartition(key);
        if (months.containsKey(tm.topic())) {
          months.get(tm.topic()).put(tm.month(), fp);
        }
      });
    }
    var changed = new TreeSet<TopicMonth>();
    long all = 0;
    for (var topic : months.entrySet()) {
      Map<String, Part> kept = partsOf(before, fileOf(topic.getKey()));
      for (var m : topic.getValue().entrySet()) {
        all++;
        Part part = kept.get(m.getKey());
        if (part == null || !m.getValue().equals(part.fingerprint())) {
          changed.add(new TopicMonth(topic.getKey(), m.getKey()));
        }
      }
    }
    if (fingerprints == null || !intact(ctx.conf(), current, before, topics)
        || changed.size() > MOST_CHANGED * all) {
      return whole(ctx, topics, staging, months);
    }
    String parts = ctx.work() + "/listing_parts";
    try {
      HadoopFiles.deleteRecursively(ctx.conf(), parts);
      if (!changed.isEmpty()) {
        Object[] keys = changed.stream().map(tm -> tm.topic() + "/" + tm.month()).toArray();
        Dataset<Row> rows = ctx.read(Catalog.LISTINGS)
            .filter(col(TOPIC).isin(changed.stream().map(TopicMonth::topic).distinct().toArray())
                .and(col(MONTH).isin(changed.stream().map(TopicMonth::month).distinct().toArray())));
        CsvFiles.writeParts(rows.filter(concat(col(TOPIC), lit("/"), col(MONTH)).isin(keys)),
            Catalog.LISTINGS.schema(), concat(col(TOPIC), lit("/"), col(MONTH)), ORDER, parts);
      }
      var index = new LinkedHashMap<String, List<Part>>();
      for (var topic : months.entrySet()) {
        String file = fileOf(topic.getKey());
        index.put(file, assemble(ctx.conf(), file, topic.getKey(), topic.getValue(), partsOf(before, file), parts,
            current, staging));
      }
      return new Written(new Index(index), changed.size(), (int) (all - changed.size()));
    } finally {
      HadoopFiles.deleteRecursively(ctx.conf(), parts);
    }
  }

  private static Map<String, Part> partsOf(Index index, String file) {
    var out = new HashMap<String, Part>();
    if (index != null && index.files() != null && index.files().get(file) != null) {
      index.files().get(file).forEach(p -> out.put(p.month(), p));
    }
    return out;
  }

  /** Spark writes every file whole; the index is made from where each month's rows went. */
  private static Written whole(StageContext ctx, List<String> topics, String staging,
                               Map<String, TreeMap<String, String>> months) {
    List<CsvFiles.Segment> segments = CsvFiles.writeWithSegments(ctx.read(Catalog.LISTINGS),
        Catalog.LISTINGS.schema(), concat(lit(LISTINGS_PREFIX), col(TOPIC)), ORDER, staging,
        topics.stream().map(ListingExtracts::fileOf).toList(), MONTH);
    var index = new LinkedHashMap<String, List<Part>>();
    topics.forEach(t -> index.put(fileOf(t), new ArrayList<>()));
    int written = 0;
    for (CsvFiles.Segment s : segments.stream().sorted(Comparator.comparing(CsvFiles.Segment::file)
        .thenComparingLong(CsvFiles.Segment::start)).toList()) {
      String topic = s.file().substring(LISTINGS_PREFIX.length());
      String fp = months.containsKey(topic) ? months.get(topic).get(s.segment()) : null;
      index.get(s.file()).add(new Part(s.segment(), fp, s.start(), s.end(), s.safeStart(), s.safeEnd()));
      written++;
    }
    return new Written(new Index(index), written, 0);
  }

  /**
   * Whether the files in {@code current} are those {@code index} describes: each topic's two files there, as
   * long as the header and its months' bytes.
   */
  private static boolean intact(Configuration conf, String current, Index index, List<String> topics) {
    if (index == null || index.files() == null) {
      return false;
    }
    long header = header().length;
    try {
      for (String topic : topics) {
        List<Part> parts = index.files().get(fileOf(topic));
        if (parts == null) {
          continue; // a topic new to the config: every month of it is written
        }
        long end = parts.isEmpty() ? header : parts.get(parts.size() - 1).end();
        long safeEnd = parts.isEmpty() ? header : parts.get(parts.size() - 1).safeEnd();
        if (length(conf, exact(current, fileOf(topic))) != end || length(conf, safe(current, fileOf(topic))) != safeEnd
            || parts.stream().anyMatch(p -> p.fingerprint() == null)) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false; // unreadable: written whole
    }
  }

  private static long length(Configuration conf, Path file) throws IOException {
    FileSystem fs = HadoopFiles.fileSystem(file, conf);
    return fs.exists(file) ? fs.getFileStatus(file).getLen() : -1;
  }

  private static byte[] header() {
    return CsvFiles.header(Catalog.LISTINGS.schema().fieldNames()).getBytes(StandardCharsets.UTF_8);
  }

  private static Path exact(String dir, String file) {
    return new Path(dir, file + ".csv");
  }

  private static Path safe(String dir, String file) {
    return new Path(dir + "/" + CsvFiles.SPREADSHEET, file + ".csv");
  }

  /**
   * Puts a topic's two files together in {@code staging}: the header, then each month ({@code months}, newest
   * first, with their fingerprints) from its new part in {@code parts} or from the file in {@code current}
   * ({@code kept}: where it lies there, for a month whose fingerprint is the same). Returns the new files' index.
   */
  private static List<Part> assemble(Configuration conf, String file, String topic, Map<String, String> months,
                                     Map<String, Part> kept, String parts, String current, String staging) {
    var index = new ArrayList<Part>();
    try (FSDataOutputStream exactOut = create(conf, exact(staging, file));
         FSDataOutputStream safeOut = create(conf, safe(staging, file));
         var exactIn = new Source(conf, exact(current, file));
         var safeIn = new Source(conf, safe(current, file))) {
      byte[] header = header();
      exactOut.write(header);
      safeOut.write(header);
      for (var m : months.entrySet()) {
        long start = exactOut.getPos();
        long safeStart = safeOut.getPos();
        Part old = kept.get(m.getKey());
        if (old != null && m.getValue().equals(old.fingerprint())) {
          exactIn.copy(old.start(), old.end(), exactOut);
          safeIn.copy(old.safeStart(), old.safeEnd(), safeOut);
        } else {
          String name = topic + "/" + m.getKey();
          copyWhole(conf, exact(parts, name), exactOut);
          copyWhole(conf, safe(parts, name), safeOut);
        }
        index.add(new Part(m.getKey(), m.getValue(), start, exactOut.getPos(), safeStart, safeOut.getPos()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file + " into " + staging, e);
    }
    return index;
  }

  private static FSDataOutputStream create(Configuration conf, Path file) throws IOException {
    return HadoopFiles.fileSystem(file, conf).create(file, true);
  }

  private static void copyWhole(Configuration conf, Path part, OutputStream out) throws IOException {
    FileSystem fs = HadoopFiles.fileSystem(part, conf);
    if (!fs.exists(part)) {
      return; // a month whose rows all went: nothing of it
    }
    try (InputStream in = fs.open(part)) {
      in.transferTo(out);
    }
  }

  /** A file in place, opened when first read from. */
  private static final class Source implements AutoCloseable {
    private final Configuration conf;
    private final Path file;
    private final byte[] buffer = new byte[1 << 16];
    private FSDataInputStream in;

    Source(Configuration conf, Path file) {
      this.conf = conf;
      this.file = file;
    }

    /** Copies bytes {@code start} to {@code end} of the file to {@code out}. */
    void copy(long start, long end, OutputStream out) throws IOException {
      if (in == null) {
        in = HadoopFiles.fileSystem(file, conf).open(file);
      }
      in.seek(start);
      long left = end - start;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException(file + " ends before byte " + end);
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }

    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
      }
    }
  }
}
