package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.arxivdigest.config.Topic;
import org.arxivdigest.config.TopicsConfig;
import org.arxivdigest.testing.SampleRun;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The charts and feeds of the sample run parse as XML and say what the datasets say. */
class ChartsAndFeedsTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String SVG = "http://www.w3.org/2000/svg";

  static Document parse(Path file) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private static String child(Element e, String name) {
    NodeList nodes = e.getElementsByTagNameNS(ATOM, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  private static List<Topic> topics() {
    return TopicsConfig.load(SampleRun.topics(), new org.apache.hadoop.conf.Configuration());
  }

  @Test
  void eachFeedIsAtomWithTheNewestFiftyEntriesInPageOrder() throws Exception {
    Path output = SampleRun.output(); // first: a CLI run stops the session it used
    var listings = TestSpark.session().read().parquet(output.resolve("datasets/listings").toString());
    for (Topic t : topics()) {
      Document doc = parse(SampleRun.output().resolve("site/feeds/" + t.slug() + ".xml"));
      Element feed = doc.getDocumentElement();
      assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
      assertThat(feed.getLocalName()).isEqualTo("feed");
      NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
      var newestRows = listings.filter(col("topic").equalTo(t.slug()))
          .orderBy(col("date").desc(), col("submitted_at").desc(), col("id").desc(), col("version").desc())
          .limit(50).select("link", "authors").collectAsList();
      var expected = newestRows.stream().map(r -> r.getString(0)).toList();
      var authors = new java.util.HashMap<String, List<String>>();
      newestRows.forEach(r -> authors.put(r.getString(0), r.isNullAt(1) ? List.of() : r.getList(1)));
      var links = new ArrayList<String>();
      String newest = "";
      for (int i = 0; i < entries.getLength(); i++) {
        Element e = (Element) entries.item(i);
        for (String required : List.of("id", "title", "updated", "summary")) {
          assertThat(child(e, required)).as(t.slug() + " entry " + i + " " + required).isNotNull();
        }
        assertThat(child(e, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        Element link = (Element) e.getElementsByTagNameNS(ATOM, "link").item(0);
        links.add(link.getAttribute("href"));
        // One <author> per author of the paper, in order, as the listing has them.
        var names = new ArrayList<String>();
        NodeList authorNodes = e.getElementsByTagNameNS(ATOM, "author");
        for (int a = 0; a < authorNodes.getLength(); a++) {
          names.add(child((Element) authorNodes.item(a), "name"));
        }
        assertThat(names).as(t.slug() + " entry " + i + " authors").isEqualTo(authors.get(link.getAttribute("href")));
        assertThat(child(e, "id")).isEqualTo(link.getAttribute("href"));
        newest = child(e, "updated").compareTo(newest) > 0 ? child(e, "updated") : newest;
      }
      assertThat(links).as(t.slug()).isEqualTo(expected);
      assertThat(feed.getElementsByTagNameNS(ATOM, "id").item(0).getTextContent()).isNotBlank();
      if (!expected.isEmpty()) {
        Element updated = (Element) feed.getElementsByTagNameNS(ATOM, "updated").item(0);
        assertThat(updated.getParentNode()).isEqualTo(feed);
        assertThat(updated.getTextContent()).as("the feed's date is its newest entry's").isEqualTo(newest);
      }
    }
  }

  @Test
  void eachChartDrawsTheCountsOfItsTopicPagesTableByMonthOrByYearWithTheLast24Months() throws Exception {
    Path site = SampleRun.output().resolve("site");
    boolean sawYears = false;
    for (Topic t : topics()) {
      // The topic page's table: papers per month.
      var page = org.jsoup.Jsoup.parse(site.resolve("papers/" + t.slug() + "/index.html").toFile(), "UTF-8");
      var table = new java.util.TreeMap<String, Long>();
      for (var row : page.select("table tbody tr")) {
        table.put(row.child(0).text(), Long.parseLong(row.child(1).text()));
      }
      Document svg = parse(site.resolve("charts/" + t.slug() + ".svg"));
      assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo(SVG);
      NodeList groups = svg.getElementsByTagNameNS(SVG, "g");
      Map<String, Long> drawn = new java.util.TreeMap<>();
      for (int i = 0; i < groups.getLength(); i++) {
        String title = ((Element) groups.item(i)).getElementsByTagNameNS(SVG, "title").item(0).getTextContent();
        String[] parts = title.split(": ", 2);
        drawn.put(parts[0], Long.parseLong(parts[1].replace(" papers", "")));
        Element rect = (Element) ((Element) groups.item(i)).getElementsByTagNameNS(SVG, "rect").item(0);
        assertThat(Double.parseDouble(rect.getAttribute("height"))).isNotNegative();
      }
      if (table.isEmpty()) {
        assertThat(drawn).isEmpty();
        continue;
      }
      sawYears |= org.arxivdigest.publish.Charts.monthsBetween(table.firstKey(), table.lastKey()).size() > 36;
      assertThat(drawn).as(t.slug()).isEqualTo(expectedBars(table));
    }
    assertThat(sawYears).as("a sample topic spans more than 36 months (black_holes: 2007..2016)").isTrue();
  }


  /**
   * The bars a topic's chart must draw for its table's papers per month: every month of its range up to 36
   * months; past that, one bar per year and the last 24 months beside them.
   */
  static java.util.SortedMap<String, Long> expectedBars(java.util.SortedMap<String, Long> table) {
    java.util.List<String> months = org.arxivdigest.publish.Charts.monthsBetween(table.firstKey(), table.lastKey());
    var expected = new java.util.TreeMap<String, Long>();
    if (months.size() <= 36) {
      months.forEach(m -> expected.put(m, table.getOrDefault(m, 0L)));
    } else {
      months.forEach(m -> expected.merge(m.substring(0, 4), table.getOrDefault(m, 0L), Long::sum));
      months.subList(months.size() - 24, months.size()).forEach(m -> expected.put(m, table.getOrDefault(m, 0L)));
    }
    return expected;
  }
}
