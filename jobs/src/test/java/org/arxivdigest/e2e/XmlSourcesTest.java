package org.arxivdigest.e2e;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.spark.sql.Row;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.testing.Outputs;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAI-PMH and Atom readers on the real responses (data/sample/oai, data/sample/atom, data/harvest and the
 * no-record responses of test resources) in one ingest: per file the kind and the records read against an
 * independent count (the JDK's StAX parser), fields of chosen records against what the files say, the accounting.
 */
class XmlSourcesTest {
  @TempDir static Path dir;
  private static Path out;
  private static JsonNode summary;
  private static final Map<String, JsonNode> FILES = new HashMap<>();

  private static final Path OAI = TestSpark.sample().resolve("oai");
  private static final Path ATOM = TestSpark.sample().resolve("atom");
  private static final Path HARVEST = TestSpark.repo().resolve("data/harvest");
  private static final Path RESPONSES = TestSpark.repo().resolve("jobs/src/test/resources/oai-responses");

  @BeforeAll
  static void ingest() throws IOException {
    out = dir.resolve("out");
    assertThat(ArxivDigest.run("ingest", "--input", OAI.toString(), ATOM.toString(), HARVEST.toString(),
        RESPONSES.toString(), "--output", out.toString(), "--master", "local[2]",
        "--conf", "spark.sql.shuffle.partitions=4")).isZero();
    summary = new ObjectMapper().readTree(out.resolve("run-summary.json").toFile());
    summary.get("input_files").forEach(f -> FILES.put(Path.of(f.get("path").asText().replaceFirst("^file:", ""))
        .getFileName().toString(), f));
  }

  /** Records of a file as a plain StAX parser counts them: OAI {@code <record>}s, Atom non-error entries. */
  private static long independentCount(Path file) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    long n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader r = factory.createXMLStreamReader(in);
      String last = "";
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          last = r.getLocalName();
          if (last.equals("record")) {
            n++;
          }
        } else if (event == XMLStreamConstants.CHARACTERS && last.equals("id")
            && r.getText().strip().matches("https?://arxiv\\.org/abs/.+")) {
          n++; // an Atom entry's id (the feed's own id is https://arxiv.org/api/…, an error's …/api/errors#…)
          last = "";
        }
      }
    }
    return n;
  }

  private static List<Path> xmlFiles(Path... dirs) throws IOException {
    var files = new ArrayList<Path>();
    for (Path d : dirs) {
      try (Stream<Path> walk = Files.walk(d)) {
        walk.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @Test
  void everyFileIsNamedWithItsKindAndItsRecordsEqualAnIndependentCount() throws Exception {
    List<Path> files = xmlFiles(OAI, ATOM, HARVEST, RESPONSES);
    assertThat(FILES).hasSize(files.size());
    for (Path file : files) {
      JsonNode f = FILES.get(file.getFileName().toString());
      long expected = f.get("kind").asText().equals("html") ? 0 : independentCount(file);
      assertThat(f.get("records").asLong()).as("records of %s", file.getFileName()).isEqualTo(expected);
    }
    assertThat(FILES.get("saelim_listrecords_arXivRaw_2014-10-01.xml").get("kind").asText()).isEqualTo("arXivRaw");
    assertThat(FILES.get("invenio_listrecords_arXiv_cs_2015-01-16.xml").get("kind").asText()).isEqualTo("arXiv");
    assertThat(FILES.get("robertson_listrecords_oai_dc_cs_2021-03-20_page2.xml").get("kind").asText())
        .isEqualTo("oai_dc");
    assertThat(FILES.get("orijtech_deep_dream_0.atom.xml").get("kind").asText()).isEqualTo("atom");
  }

  @Test
  void responsesWithoutRecordsAreNamedWithTheirError() {
    assertThat(FILES.get("saelim_ErrorResponseNoRecordsMatch.xml").get("error").asText())
        .isEqualTo("OAI-PMH error noRecordsMatch: Set argument doesn't match any sets. The setSpec was 'moo'");
    assertThat(FILES.get("saelim_ErrorResponseBadResumptionToken.xml").get("kind").asText()).isEqualTo("oai_error");
    assertThat(FILES.get("paperhive_identify_should-identify-arxiv_0_http200.xml").get("error").asText())
        .isEqualTo("an OAI-PMH Identify response holds no records");
    assertThat(FILES.get("paperhive_listrecords_should-list-identifiers-from-arxiv_0_http503.xml").get("error")
        .asText()).isEqualTo("an HTML page, not an OAI-PMH or Atom response: \"Retry after 10 seconds\"");
    assertThat(FILES.get("arxivpy2026_id_abc_s0_m100_b79c8dcf6bc3.xml").get("error").asText())
        .isEqualTo("arXiv API error: incorrect id format for abc");
    assertThat(FILES.get("arxivpy2026_id_0000.0000_s0_m100_8b51d9633a68.xml").get("records").asLong()).isZero();
  }

  @Test
  void theAccountingBalancesPerSourceAndInTotal() {
    long read = summary.get("records_read").asLong();
    assertThat(read).isEqualTo(summary.get("papers").asLong() + summary.get("duplicates_dropped").asLong()
        + summary.get("quarantined").asLong() + summary.get("deleted").asLong());
    assertThat(summary.get("accounting_balanced").asBoolean()).isTrue();
    JsonNode bySource = summary.get("by_source");
    // The three pages of data/harvest (completeListSize 2358) and the 25-record excerpt of data/sample/oai.
    assertThat(bySource.get("oai_dc").get("records_read").asLong()).isEqualTo(2358 + 25);
    long sum = 0;
    for (JsonNode s : bySource) {
      sum += s.get("records_read").asLong();
    }
    assertThat(sum).isEqualTo(read);
    long files = 0;
    for (JsonNode f : FILES.values()) {
      files += f.get("records").asLong();
    }
    assertThat(files).isEqualTo(read);
  }

  private static Row paper(String id) {
    List<Row> rows = TestSpark.session().read().parquet(out.resolve("datasets/papers").toString())
        .filter(col("id").equalTo(id)).collectAsList();
    assertThat(rows).as("papers with id %s", id).hasSize(1);
    return rows.get(0);
  }


  private static String authorsParsed(Row paper) {
    var names = new ArrayList<String>();
    for (Object a : paper.getList(paper.fieldIndex("authors_parsed"))) {
      names.add(String.join("|", ((scala.collection.Seq<?>) a).mkString(",").split(",", -1)));
    }
    return String.join("; ", names);
  }

  @Test
  void arXivRawRecordsKeepEveryVersionTheRawAuthorsAndTheDatestamp() {
    Row p = paper("0704.0716");
    assertThat(p.<String>getAs("title")).isEqualTo("Limit distributions and scaling functions");
    assertThat(p.<String>getAs("submitter")).isEqualTo("Christoph Richard");
    assertThat(p.<String>getAs("authors")).isEqualTo("Christoph Richard");
    assertThat(authorsParsed(p)).isEqualTo("Richard|Christoph|");
    assertThat(p.getList(p.fieldIndex("categories"))).containsExactly("math-ph", "math.MP");
    assertThat(p.<String>getAs("comments")).isEqualTo("54 pages, 2 figures; v2 updated and slightly expanded; "
        + "v3 changes in some proofs; v4 slightly expanded");
    assertThat(p.<String>getAs("journal_ref")).isEqualTo(
        "Polygons, polyominoes and polycubes, 247-299, Lecture Notes in Phys., 775, Springer, Dordrecht, 2009");
    assertThat(p.<String>getAs("license")).isEqualTo("http://arxiv.org/licenses/nonexclusive-distrib/1.0/");
    assertThat(p.<String>getAs("abstract")).startsWith("We discuss the asymptotic behaviour of models of lattice")
        .endsWith("this article is a pedagogic review of known results.");
    assertThat(p.get(p.fieldIndex("update_date")).toString()).isEqualTo("2014-12-22");
    assertThat(Outputs.versions(p)).isEqualTo("v1@2007-04-05T12:45:03Z v2@2007-09-28T15:13:43Z v3@2008-02-29T16:05:39Z "
        + "v4@2008-11-14T09:07:25Z");
    assertThat(p.<Boolean>getAs("versions_complete")).isTrue();
    assertThat(p.<String>getAs("source")).isEqualTo("arXivRaw");

    Row q = paper("0704.1586");
    assertThat(q.<String>getAs("title"))
        .isEqualTo("Core excitation in the elastic scattering and breakup of $^{11}$Be on protons");
    assertThat(authorsParsed(q)).isEqualTo("Summers|N.C.|; Nunes|F.M.|");
    assertThat(q.<String>getAs("doi")).isEqualTo("10.1103/PhysRevC.76.014611 10.1103/PhysRev.C77.049901");
    assertThat(Outputs.versions(q)).isEqualTo("v1@2007-04-12T14:18:58Z");

    Row r = paper("0803.4354"); // litpuvn: a re-indented page, six versions over eight years
    assertThat(r.<String>getAs("title"))
        .isEqualTo("A O(n^8) X O(n^7) Linear Programming Model of the Traveling Salesman Problem");
    assertThat(r.<Integer>getAs("version_count")).isEqualTo(6);
    assertThat(Outputs.versions(r)).endsWith("v6@2016-10-20T16:58:38Z");
    assertThat(r.get(r.fieldIndex("update_date")).toString()).isEqualTo("2016-10-21");
  }

  @Test
  void arXivFormatRecordsHaveStructuredAuthorsAndOnlyTheirFirstVersion() {
    Row p = paper("1111.1546");
    assertThat(p.<String>getAs("title")).isEqualTo("Improved Smoothed Analysis of Multiobjective Optimization");
    assertThat(p.<String>getAs("authors")).isEqualTo("Tobias Brunsch, Heiko Röglin");
    assertThat(authorsParsed(p)).isEqualTo("Brunsch|Tobias|; Röglin|Heiko|");
    assertThat(p.getList(p.fieldIndex("categories"))).containsExactly("cs.DS");
    assertThat(p.<String>getAs("comments")).isEqualTo("to appear in JACM");
    assertThat(Outputs.versions(p)).isEqualTo("v1@2011-11-07T00:00:00Z"); // created; updated 2015-01-15 has no number
    assertThat(p.<Boolean>getAs("versions_complete")).isFalse();
    assertThat(p.get(p.fieldIndex("update_date")).toString()).isEqualTo("2015-01-16");

    Row q = paper("1512.07978"); // one author whose keyname is a whole phrase
    assertThat(q.<String>getAs("authors")).isEqualTo("Teresa Maria Montaruli for the IceCube Collaboration");
    assertThat(q.getList(q.fieldIndex("categories"))).containsExactly("astro-ph.HE");
    assertThat(Outputs.versions(q)).isEqualTo("v1@2015-12-25T00:00:00Z");
    assertThat(q.<Boolean>getAs("versions_complete")).isTrue(); // no <updated>: one version
  }

  @Test
  void oaiDcRecordsMapSubjectsToCategoriesAndCommentDescriptionsToComments() {
    Row p = paper("0912.0228");
    assertThat(p.<String>getAs("title")).isEqualTo("Answering Hilbert's 1st Problem");
    assertThat(p.<String>getAs("authors")).isEqualTo("Charles Sauerbier");
    assertThat(authorsParsed(p)).isEqualTo("Sauerbier|Charles|");
    assertThat(p.getList(p.fieldIndex("categories"))).containsExactly("cs.LO"); // 03E17 (MSC) is not a category
    assertThat(p.<String>getAs("comments")).startsWith("7 pages, 0 figures; full revision of content");
    assertThat(p.<String>getAs("abstract")).startsWith("Hilbert's first problem is of importance");
    assertThat(Outputs.versions(p)).isEqualTo("v1@2009-12-01T00:00:00Z");
    assertThat(p.<Boolean>getAs("versions_complete")).isFalse(); // a second date, 2021-03-26: a later version
    assertThat(p.get(p.fieldIndex("update_date")).toString()).isEqualTo("2021-03-29");

    Row q = paper("1004.3608");
    assertThat(q.<String>getAs("authors")).isEqualTo("Richard P. Brent");
    assertThat(q.getList(q.fieldIndex("categories"))).containsExactly("cs.CC", "math.NA");
    assertThat(q.<String>getAs("primary_category")).isEqualTo("cs.CC");
  }

  @Test
  void atomEntriesOfBothBackendsGiveTheirFirstAndNewestVersion() {
    Row p = paper("cond-mat/0603029"); // 2016 backend
    assertThat(p.<String>getAs("title"))
        .isEqualTo("From stripe to checkerboard order on the square lattice in the presence of quenched disorder");
    assertThat(p.<String>getAs("authors")).isEqualTo("Adrian Del Maestro, Bernd Rosenow, Subir Sachdev");
    assertThat(authorsParsed(p)).isEqualTo("Del Maestro|Adrian|; Rosenow|Bernd|; Sachdev|Subir|");
    assertThat(p.<String>getAs("doi")).isEqualTo("10.1103/PhysRevB.74.024520");
    assertThat(p.<String>getAs("journal_ref")).isEqualTo("Phys. Rev. B 74, 024520 (2006)");
    assertThat(p.<String>getAs("comments")).isEqualTo("10 pages, 11 figures; added reference");
    assertThat(p.getList(p.fieldIndex("categories"))).containsExactly("cond-mat.str-el", "cond-mat.supr-con");
    assertThat(Outputs.versions(p)).isEqualTo("v1@2006-03-02T02:22:45Z");

    Row q = paper("2507.10541"); // 2026 backend: v2 is the newest
    assertThat(q.<String>getAs("title"))
        .isEqualTo("REST: Stress Testing Large Reasoning Models by Asking Multiple Problems at Once");
    assertThat(Outputs.versions(q)).isEqualTo("v1@2025-07-14T17:58:47Z v2@2025-07-15T06:16:53Z");
    assertThat(q.<Boolean>getAs("versions_complete")).isTrue();
    assertThat(q.<String>getAs("primary_category")).isEqualTo("cs.CL");
    assertThat(q.<String>getAs("submitter")).isNull();
  }

  @Test
  void aDeletionNewerThanEveryRecordTakesThePaperOutAndAnOlderOneDoesNot() throws IOException {
    // The minimal hostile case of OAI-PMH's documented form (the samples hold no deletion): two headers with
    // status="deleted", one newer than 0704.0716's record (2014-12-22), one older than 0704.1586's (2014-11-18).
    String page = """
        <?xml version="1.0" encoding="UTF-8"?>
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
        <responseDate>2015-01-07T00:00:00Z</responseDate>
        <request verb="ListRecords" metadataPrefix="arXivRaw">http://export.arxiv.org/oai2</request>
        <ListRecords>
        <record><header status="deleted"><identifier>oai:arXiv.org:0704.0716</identifier>
        <datestamp>2015-01-05</datestamp><setSpec>math</setSpec></header></record>
        <record><header status="deleted"><identifier>oai:arXiv.org:0704.1586</identifier>
        <datestamp>2014-10-02</datestamp></header></record>
        </ListRecords>
        </OAI-PMH>
        """;
    Path deletions = Files.writeString(dir.resolve("deletions.xml"), page, StandardCharsets.UTF_8);
    Path run = dir.resolve("deleted-run");
    assertThat(ArxivDigest.run("ingest", "--input", OAI.resolve("saelim_listrecords_arXivRaw_2014-10-01.xml")
        .toString(), deletions.toString(), "--output", run.toString(), "--master", "local[2]")).isZero();
    JsonNode s = new ObjectMapper().readTree(run.resolve("run-summary.json").toFile());
    assertThat(s.get("records_read").asLong()).isEqualTo(8);
    assertThat(s.get("deleted").asLong()).isEqualTo(2);
    assertThat(s.get("papers_deleted").asLong()).isEqualTo(1);
    assertThat(s.get("papers").asLong()).isEqualTo(5);
    assertThat(s.get("duplicates_dropped").asLong()).isEqualTo(1);
    var spark = TestSpark.session();
    assertThat(spark.read().parquet(run.resolve("datasets/papers").toString()).filter(col("id")
        .isin("0704.0716", "0704.1586")).collectAsList()).extracting(r -> r.getString(0)).containsExactly("0704.1586");
    List<Row> deleted = spark.read().parquet(run.resolve("datasets/deleted").toString()).orderBy("id")
        .collectAsList();
    assertThat(deleted).extracting(r -> r.getString(0) + " " + r.get(1)).containsExactly(
        "0704.0716 2015-01-05", "0704.1586 2014-10-02");
  }
}
