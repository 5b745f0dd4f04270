package org.arxivdigest.testing;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.arxivdigest.harvest.Harvester;
import org.arxivdigest.harvest.OaiRequest;

/**
 * The harvester's benchmark (bench/harvest.sh): a chain of {@code pages} pages served by the loopback
 * {@link OaiServer} (the three real pages of data/harvest/oai_dc-cs-2021-03-20 in turn, each with its own
 * resumption token), harvested with no delay, once on a good connection and once with {@code dropRate} of the
 * connections dropped half-way at random ({@code seed}). Prints pages and MB per second, the drops and retries,
 * and checks that every page arrived once, byte for byte.
 *   java -cp ... org.arxivdigest.testing.HarvestBench PAGES DROP_RATE SEED WORK_DIR
 */
public final class HarvestBench {
  private HarvestBench() {}

  public static void main(String[] args) throws Exception {
    int pages = Integer.parseInt(args[0]);
    double dropRate = Double.parseDouble(args[1]);
    long seed = Long.parseLong(args[2]);
    Path work = Path.of(args[3]);
    Path chain = TestSpark.repo().resolve("data/harvest/oai_dc-cs-2021-03-20");
    var real = new ArrayList<byte[]>();
    for (int i = 1; i <= 3; i++) {
      real.add(Files.readAllBytes(chain.resolve("robertson_listrecords_oai_dc_cs_2021-03-20_page" + i + ".xml")));
    }
    List<byte[]> bodies = new ArrayList<>();
    for (int n = 1; n <= pages; n++) {
      String text = new String(real.get((n - 1) % 3), StandardCharsets.UTF_8)
          .replaceAll("<resumptionToken([^>]*)>[^<]*</resumptionToken>",
              n == pages ? "<resumptionToken$1></resumptionToken>" : "<resumptionToken$1>bench|" + n
                  + "</resumptionToken>");
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    long bytes = bodies.stream().mapToLong(b -> b.length).sum();
    var quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (double rate : new double[] {0, dropRate}) {
      Path out = work.resolve("harvest-drop-" + rate);
      org.apache.commons.io.FileUtils.deleteDirectory(out.toFile());
      try (var server = new OaiServer()) {
        Map<String, String> first = Map.of("verb", "ListRecords", "metadataPrefix", "oai_dc", "set", "cs");
        server.chain(first, bodies).drops(rate, seed);
        var settings = new Harvester.Settings(Duration.ZERO, 50, Duration.ZERO, Duration.ofSeconds(30));
        long start = System.nanoTime();
        Harvester.Result r = new Harvester(settings, quiet).harvest(
            new OaiRequest(server.endpoint(), "oai_dc", "cs", null, null), out);
        double seconds = (System.nanoTime() - start) / 1e9;
        int wrong = 0;
        for (int n = 1; n <= pages; n++) {
          Path page = out.resolve(String.format("page-%06d.xml", n));
          if (!Files.exists(page) || !Arrays.equals(Files.readAllBytes(page), bodies.get(n - 1))) {
            wrong++;
          }
        }
        long files;
        try (var list = Files.list(out)) {
          files = list.filter(p -> p.getFileName().toString().startsWith("page-")).count();
        }
        System.out.printf(java.util.Locale.ROOT,
            "drop rate %.2f (seed %d): %d pages, %.1f MB in %.2f s = %.1f pages/s, %.1f MB/s; %d connections "
                + "dropped, %d requests; page files %d, missing or different %d: %s%n",
            rate, seed, r.pages(), bytes / 1e6, seconds, pages / seconds, bytes / 1e6 / seconds, server.dropped(),
            server.requests().size(), files, wrong, files == pages && wrong == 0 && r.complete() ? "ok" : "FAILED");
      }
    }
  }
}
