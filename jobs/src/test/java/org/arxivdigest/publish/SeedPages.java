package org.arxivdigest.publish;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two seed pages and their entries, parsed back from the page text. */
final class SeedPages {
  private SeedPages() {}

  static final String TABLE_SITE = "https://lixin97.github.io/arXivRadar";
  static final String CARDS_SITE = "https://arxcompass.github.io";

  /** A seed entry and the exact text the seed has for it. */
  record SeedEntry(String id, PageRenderer.Entry entry, String text) {}

  static String table() {
    return read("000_3bb9ecca2b7a9d05.txt");
  }

  /** Seed 004 decoded from its mojibake: the UTF-8 bytes had been read as cp1252. */
  static String cards() {
    String mojibake = read("004_86c7cdcc142c4d4b.txt");
    return new String(mojibake.getBytes(Charset.forName("windows-1252")), StandardCharsets.UTF_8);
  }

  private static final Pattern ROW = Pattern.compile(
      "^\\| \\*\\*\\[(.*)\\]\\((http://arxiv\\.org/abs/(.+)v\\d+)\\)\\*\\*<details>(.*)</details> \\| "
          + "(\\d{4}-\\d\\d-\\d\\d) \\| (?:<details>(.*)</details>)? \\|$", Pattern.MULTILINE);

  static List<SeedEntry> tableEntries() {
    var out = new ArrayList<SeedEntry>();
    Matcher m = ROW.matcher(table());
    while (m.find()) {
      out.add(new SeedEntry(m.group(3), new PageRenderer.Entry(m.group(1), m.group(2), m.group(5), m.group(4),
          m.group(6)), m.group() + "\n"));
    }
    return out;
  }

  private static final Pattern CARD = Pattern.compile(
      "<div class=\"paper-card\">\n"
          + "    <div class=\"paper-title\"><a href=\"(http://arxiv\\.org/abs/(.+)v\\d+)\">(.*)</a></div>\n"
          + "    <div class=\"paper-meta\">\n"
          + "      📅 (\\d{4}-\\d\\d-\\d\\d)\n"
          + "(?:      \\| 💬 (.*)\n)?"
          + "    </div>\n"
          + "    <details class=\"paper-abstract\">\n"
          + "      (.*)\n"
          + "    </details>\n"
          + "</div>\n");

  static List<SeedEntry> cardEntries() {
    var out = new ArrayList<SeedEntry>();
    Matcher m = CARD.matcher(cards());
    while (m.find()) {
      out.add(new SeedEntry(m.group(2), new PageRenderer.Entry(m.group(3), m.group(1), m.group(4), m.group(6),
          m.group(5)), m.group()));
    }
    return out;
  }

  static String read(String name) {
    try (InputStream in = SeedPages.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
