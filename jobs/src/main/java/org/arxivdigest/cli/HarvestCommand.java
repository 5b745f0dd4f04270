package org.arxivdigest.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.arxivdigest.core.UsageException;
import org.arxivdigest.harvest.HarvestFailed;
import org.arxivdigest.harvest.Harvester;
import org.arxivdigest.harvest.OaiRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "harvest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Harvest arXiv's OAI-PMH interface (ListRecords) into a folder of raw pages, one file per page, "
        + "for run --input or run --merge --input. An interrupted harvest resumes when the same command is run "
        + "again.",
        "Example: harvest --set cs --from 2026-11-29 --until 2026-11-29 --output harvest/2026-11-29"})
public class HarvestCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Folder of the pages (page-000001.xml, ...) and of the harvest's state file (_harvest.json).")
  Path output;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First datestamp (inclusive).")
  String from;

  @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last datestamp (inclusive).")
  String until;

  @Option(names = "--set", paramLabel = "SET", description = "An OAI-PMH set, e.g. cs, math, physics:hep-th.")
  String set;

  @Option(names = "--prefix", defaultValue = "arXivRaw", paramLabel = "FORMAT",
      description = "Metadata format: arXivRaw (every version with its date), arXiv or oai_dc. "
          + "Default: ${DEFAULT-VALUE}")
  String prefix;

  @Option(names = "--endpoint", paramLabel = "URL", description = "OAI-PMH base URL. Default: ${DEFAULT-VALUE}")
  URI endpoint = OaiRequest.ARXIV;

  @Option(names = "--delay", defaultValue = "3", paramLabel = "SECONDS",
      description = "Wait between requests (arXiv asks harvesters to be slow). Default: ${DEFAULT-VALUE}")
  double delay;

  @Option(names = "--max-retries", defaultValue = "5", paramLabel = "N",
      description = "Retries per page after a 503, a dropped connection or a broken body. Default: ${DEFAULT-VALUE}")
  int maxRetries;

  @Option(names = "--retry-wait", defaultValue = "10", paramLabel = "SECONDS",
      description = "First wait before a retry when the server names none (Retry-After); doubled each time. "
          + "Default: ${DEFAULT-VALUE}")
  double retryWait;

  @Option(names = "--timeout", defaultValue = "180", paramLabel = "SECONDS",
      description = "Timeout of one request. Default: ${DEFAULT-VALUE}")
  double timeout;

  private static final Set<String> PREFIXES = Set.of("arXivRaw", "arXiv", "oai_dc");

  @Override
  public Integer call() throws Exception {
    if (!PREFIXES.contains(prefix)) {
      throw new UsageException("--prefix " + prefix + ": ingest reads arXivRaw, arXiv and oai_dc");
    }
    LocalDate first = date("--from", from);
    LocalDate last = date("--until", until);
    if (first != null && last != null && last.isBefore(first)) {
      throw new UsageException("--until " + until + " is before --from " + from);
    }
    if (delay < 0 || retryWait < 0 || timeout <= 0 || maxRetries < 0) {
      throw new UsageException("--delay, --retry-wait and --max-retries take no negative value, --timeout a "
          + "positive one");
    }
    var settings = new Harvester.Settings(seconds(delay), maxRetries, seconds(retryWait), seconds(timeout));
    var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      Harvester.Result r = new Harvester(settings, out).harvest(new OaiRequest(endpoint, prefix, set, first, last),
          output);
      out.printf(Locale.ROOT, "harvest: %s: %d pages, %d records (%d pages fetched now)%n", output, r.pages(),
          r.records(), r.fetched());
      return ExitCodes.OK;
    } catch (HarvestFailed e) {
      System.err.println("arxiv-digest harvest: " + e.getMessage());
      return ExitCodes.FAILED;
    }
  }

  private static LocalDate date(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException(option + " " + value + ": not a date (YYYY-MM-DD)");
    }
  }

  private static Duration seconds(double s) {
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
