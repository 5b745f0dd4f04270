package org.arxivdigest.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The papers of the OAI-PMH and Atom files under a folder, read with the JDK's DOM parser, apart from the job's
 * readers: id, title, abstract, categories and the versions whose number and date the file gives, for tests to
 * compute what the job should list.
 */
public final class XmlPapers {
  private XmlPapers() {}

  /** A paper as one file gives it; {@code versions}: number to submission instant. */
  public record Paper(String id, String title, String abstractText, List<String> categories,
                      Map<Integer, Instant> versions, String format) {}

  private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss z",
      Locale.US);

  public static List<Paper> read(Path folder) throws IOException {
    var out = new ArrayList<Paper>();
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList()) {
        Document doc = parse(file);
        Element root = doc.getDocumentElement();
        if (root.getLocalName().equals("feed")) {
          for (Element e : children(root, "entry")) {
            String id = text(e, "id");
            if (id.matches("https?://arxiv\\.org/abs/.+")) {
              out.add(atom(e, id));
            }
          }
        } else if (root.getLocalName().equals("OAI-PMH")) {
          NodeList records = doc.getElementsByTagNameNS("*", "record");
          for (int i = 0; i < records.getLength(); i++) {
            Paper p = oai((Element) records.item(i));
            if (p != null) {
              out.add(p);
            }
          }
        }
      }
    }
    return out;
  }

  private static Paper atom(Element e, String idText) {
    String id = idText.replaceFirst("^https?://arxiv\\.org/abs/", "").replaceFirst("v\\d+$", "");
    int latest = Integer.parseInt(idText.replaceFirst("^.*v(\\d+)$", "$1"));
    var categories = new ArrayList<String>();
    categories.add(first(e, "primary_category").getAttribute("term"));
    for (Element c : children(e, "category")) {
      if (!categories.contains(c.getAttribute("term"))) {
        categories.add(c.getAttribute("term"));
      }
    }
    var versions = new TreeMap<Integer, Instant>();
    versions.put(1, Instant.parse(text(e, "published")));
    if (latest > 1) {
      versions.put(latest, Instant.parse(text(e, "updated")));
    }
    return new Paper(id, text(e, "title"), text(e, "summary"), categories, versions, "atom");
  }

  private static Paper oai(Element record) {
    Element raw = first(record, "arXivRaw");
    Element arxiv = first(record, "arXiv");
    Element m = raw != null ? raw : arxiv;
    Element dc = first(record, "dc");
    if (m == null && dc != null) {
      return dublinCore(dc);
    }
    if (m == null) {
      return null;
    }
    var versions = new TreeMap<Integer, Instant>();
    if (raw != null) {
      for (Element v : children(raw, "version")) {
        versions.put(Integer.parseInt(v.getAttribute("version").substring(1)),
            ZonedDateTime.parse(text(v, "date").strip(), RFC_1123).toInstant());
      }
    } else {
      versions.put(1, LocalDate.parse(text(arxiv, "created").strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    return new Paper(text(m, "id").strip(), text(m, "title"), text(m, "abstract"),
        List.of(text(m, "categories").strip().split("\\s+")), versions, raw != null ? "arXivRaw" : "arXiv");
  }

  /**
   * oai_dc: the abstract-page identifier's id, the first title, the description that is not a "Comment:", the
   * archives of the subjects that name one ("Computer Science - …" is cs, "Statistics - …" stat; enough for the
   * topic rules' archive tests), v1 at the earliest date.
   */
  private static Paper dublinCore(Element dc) {
    String id = "";
    for (Element i : children(dc, "identifier")) {
      if (i.getTextContent().strip().matches("https?://arxiv\\.org/abs/.+")) {
        id = i.getTextContent().strip().replaceFirst("^https?://arxiv\\.org/abs/", "");
        break;
      }
    }
    String abstractText = "";
    for (Element d : children(dc, "description")) {
      if (!d.getTextContent().strip().startsWith("Comment:")) {
        abstractText = d.getTextContent();
        break;
      }
    }
    var categories = new ArrayList<String>();
    for (Element s : children(dc, "subject")) {
      String text = s.getTextContent().strip();
      if (text.startsWith("Computer Science - ")) {
        categories.add("cs");
      } else if (text.startsWith("Statistics - ")) {
        categories.add("stat");
      }
    }
    LocalDate first = null;
    for (Element d : children(dc, "date")) {
      LocalDate date = LocalDate.parse(d.getTextContent().strip());
      first = first == null || date.isBefore(first) ? date : first;
    }
    var versions = new TreeMap<Integer, Instant>();
    versions.put(1, first.atStartOfDay(ZoneOffset.UTC).toInstant());
    return new Paper(id, text(dc, "title"), abstractText, categories, versions, "oai_dc");
  }

  private static Document parse(Path file) throws IOException {
    try {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Descendant elements of that local name, in document order. */
  private static List<Element> children(Element parent, String localName) {
    NodeList nodes = parent.getElementsByTagNameNS("*", localName);
    var out = new ArrayList<Element>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  private static Element first(Element parent, String localName) {
    List<Element> all = children(parent, localName);
    return all.isEmpty() ? null : all.get(0);
  }

  private static String text(Element parent, String localName) {
    Element e = first(parent, localName);
    return e == null ? "" : e.getTextContent();
  }
}
