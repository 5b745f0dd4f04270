package org.arxivdigest.harvest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arxivdigest.cli.ArxivDigest;
import org.arxivdigest.cli.ExitCodes;
import org.arxivdigest.core.Json;
import org.arxivdigest.testing.OaiServer;
import org.arxivdigest.testing.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harvester against a loopback server replaying arXiv's real responses: the three pages of a real oai_dc
 * harvest chain ({@code data/harvest/oai_dc-cs-2021-03-20}), the real 503 body, real error responses.
 */
class HarvesterTest {
  @TempDir Path dir;

  private static final Path CHAIN = TestSpark.repo().resolve("data/harvest/oai_dc-cs-2021-03-20");
  private static final Path RESPONSES = TestSpark.repo().resolve("jobs/src/test/resources/oai-responses");
  private static final Map<String, String> FIRST = Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc",
      "set", "cs", "from", "2021-03-20", "until", "2021-03-30");
  private static final Harvester.Settings QUICK = new Harvester.Settings(Duration.ZERO, 3, Duration.ZERO,
      Duration.ofSeconds(20));

  private OaiServer server;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeEach
  void start() throws IOException {
    server = new OaiServer().chain(FIRST, realPages());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<byte[]> realPages() throws IOException {
    var pages = new ArrayList<byte[]>();
    for (int i = 1; i <= 3; i++) {
      pages.add(Files.readAllBytes(CHAIN.resolve("robertson_listrecords_oai_dc_cs_2021-03-20_page" + i + ".xml")));
    }
    return pages;
  }

  private OaiRequest request() {
    return new OaiRequest(server.endpoint(), "oai_dc", "cs", LocalDate.parse("2021-03-20"),
        LocalDate.parse("2021-03-30"));
  }

  private Harvester harvester(Harvester.Settings settings) {
    return new Harvester(settings, new PrintStream(console, true, StandardCharsets.UTF_8));
  }

  /** The page files are the real pages, byte for byte, in order, and nothing else is there but the state. */
  private void assertTheChainIsThere(Path out) throws IOException {
    List<byte[]> real = realPages();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("_harvest.json", "page-000001.xml", "page-000002.xml", "page-000003.xml");
    }
    for (int i = 0; i < 3; i++) {
      assertThat(Files.readAllBytes(out.resolve(Pages.name(i + 1)))).as("page " + (i + 1)).isEqualTo(real.get(i));
    }
    HarvestState state = HarvestState.load(out);
    assertThat(state.complete()).isTrue();
    assertThat(state.records()).isEqualTo(2358);
  }

  @Test
  void followsTheResumptionTokensToTheEndAndWritesEachPageAsItCame() throws Exception {
    Path out = dir.resolve("h");
    Harvester.Result r = harvester(QUICK).harvest(request(), out);
    assertThat(r).isEqualTo(new Harvester.Result(3, 2358, 3, true));
    assertTheChainIsThere(out);
    assertThat(server.requests()).containsExactly(
        "verb=ListRecords&metadataPrefix=oai_dc&set=cs&from=2021-03-20&until=2021-03-30",
        "verb=ListRecords&resumptionToken=6965856%7C1001",
        "verb=ListRecords&resumptionToken=6965856%7C2001");

    // A complete harvest asks for nothing more.
    assertThat(harvester(QUICK).harvest(request(), out).fetched()).isZero();
    assertThat(server.requests()).hasSize(3);
  }

  @Test
  void waitsAsA503RetryAfterSaysThenGoesOn() throws Exception {
    byte[] body503 = Files.readAllBytes(RESPONSES.resolve(
        "paperhive_listrecords_should-list-identifiers-from-arxiv_0_http503.xml"));
    server.unavailable(1, "1", body503);
    long start = System.nanoTime();
    Harvester.Result r = harvester(QUICK).harvest(request(), dir.resolve("h"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(r.pages()).isEqualTo(3);
    assertThat(server.requests()).hasSize(4);
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("HTTP 503 (Retry-After 1 s); retrying in 1 s");
    assertTheChainIsThere(dir.resolve("h"));
  }

  @Test
  void givesUpAfterItsRetriesWithAClearErrorAndWritesNothing() throws IOException {
    server.unavailable(100, "0", "Retry after 0 seconds".getBytes(StandardCharsets.UTF_8));
    Path out = dir.resolve("h");
    assertThatThrownBy(() -> harvester(QUICK).harvest(request(), out)).isInstanceOf(HarvestFailed.class)
        .hasMessageContaining("page 1: gave up after 4 tries, last: HTTP 503");
    assertThat(server.requests()).hasSize(4);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("page"))).isEmpty();
    }
  }

  @Test
  void aHarvestStoppedBetweenPagesResumesFromItsLastPage() throws Exception {
    Path out = dir.resolve("h");
    // The server goes away after the first page: the harvest stops with one page and its state.
    Thread watcher = new Thread(() -> {
      try {
        while (!Files.exists(out.resolve("page-000001.xml"))) {
          Thread.sleep(5);
        }
        server.down(true);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    var slow = new Harvester.Settings(Duration.ofMillis(300), 2, Duration.ZERO, Duration.ofSeconds(20));
    watcher.start();
    assertThatThrownBy(() -> harvester(slow).harvest(request(), out)).isInstanceOf(HarvestFailed.class)
        .hasMessageContaining("page 2: gave up");
    watcher.join();
    assertThat(HarvestState.load(out).pages()).isEqualTo(1);
    assertThat(Files.exists(out.resolve("page-000002.xml"))).isFalse();

    // Back up: the same harvest goes on from page 2 and does not ask for page 1 again.
    server.down(false);
    Harvester.Result r = harvester(QUICK).harvest(request(), out);
    assertThat(r.fetched()).isEqualTo(2);
    assertTheChainIsThere(out);
    assertThat(server.requests().stream().filter(q -> q.contains("metadataPrefix"))).hasSize(1);
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("resuming after page 1");
  }

  @Test
  void aPageWrittenButNotYetCountedIsFetchedAgainUnderItsOwnName() throws Exception {
    Path out = dir.resolve("h");
    harvester(QUICK).harvest(request(), out);
    // As if killed after page 2 was written but before the state said so.
    Files.writeString(out.resolve(HarvestState.FILE), Json.write(new HarvestState(request().describe(), 1, 1000,
        "6965856|1001", false)));
    assertThat(harvester(QUICK).harvest(request(), out).fetched()).isEqualTo(2);
    assertTheChainIsThere(out);
  }

  @Test
  void noPageIsLostOrDoubledWhenConnectionsDropAtRandom() throws Exception {
    server.drops(0.4, 42);
    var patient = new Harvester.Settings(Duration.ZERO, 20, Duration.ZERO, Duration.ofSeconds(20));
    Harvester.Result r = harvester(patient).harvest(request(), dir.resolve("h"));
    assertThat(r.pages()).isEqualTo(3);
    assertThat(server.dropped()).as("the seed drops some").isPositive();
    assertThat(server.requests()).hasSize(3 + server.dropped());
    assertTheChainIsThere(dir.resolve("h"));
  }

  @Test
  void noRecordsMatchIsAnEmptyHarvestAndOtherErrorsStopWithTheirCode() throws IOException {
    server.answer(Map.of("verb", "ListRecords", "metadataPrefix", "arXivRaw", "set", "moo"),
        RESPONSES.resolve("saelim_ErrorResponseNoRecordsMatch.xml"));
    server.answer(Map.of("verb", "ListRecords", "metadataPrefix", "arXivRaw", "set", "bad"),
        RESPONSES.resolve("saelim_ErrorResponseBadArgument.xml"));
    String endpoint = server.endpoint().toString();
    Path empty = dir.resolve("empty");
    assertThat(ArxivDigest.run("harvest", "--endpoint", endpoint, "--set", "moo", "--delay", "0", "--output",
        empty.toString())).isEqualTo(ExitCodes.OK);
    try (var files = Files.list(empty)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("_harvest.json");
    }
    assertThat(HarvestState.load(empty).complete()).isTrue();

    Path bad = dir.resolve("bad");
    var err = new ByteArrayOutputStream();
    PrintStream was = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(ArxivDigest.run("harvest", "--endpoint", endpoint, "--set", "bad", "--delay", "0", "--output",
          bad.toString())).isEqualTo(ExitCodes.FAILED);
    } finally {
      System.setErr(was);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("OAI-PMH error badArgument on page 1")
        .hasLineCount(1);
  }

  @Test
  void theCommandLineRefusesWhatItCannotHarvest() {
    assertThat(ArxivDigest.run("harvest", "--prefix", "marc21", "--output", dir.resolve("x").toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(ArxivDigest.run("harvest", "--from", "2026-11-30", "--until", "2026-11-01", "--output",
        dir.resolve("x").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(ArxivDigest.run("harvest", "--from", "yesterday", "--output", dir.resolve("x").toString()))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aFolderOfAnotherHarvestIsRefused() throws Exception {
    Path out = dir.resolve("h");
    harvester(QUICK).harvest(request(), out);
    var other = new OaiRequest(server.endpoint(), "arXivRaw", "cs", null, null);
    assertThatThrownBy(() -> harvester(QUICK).harvest(other, out))
        .hasMessageContaining("holds another harvest");
  }
}
