package org.arxivdigest.harvest;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.arxivdigest.core.UsageException;

/**
 * An OAI-PMH ListRecords client that writes each response page as it came, one file per page, atomically, and
 * follows resumption tokens to the end of the list. It waits {@code delay} between requests (arXiv asks robots
 * for no more than one request every few seconds), honours {@code 503} + {@code Retry-After}, retries dropped
 * connections, other 5xx answers and bodies that are not whole OAI-PMH responses with a growing wait, at most
 * {@code maxRetries} times per page, and then stops with an error; the next run resumes from the last page
 * written ({@link HarvestState}). {@code noRecordsMatch} is an empty harvest; any other OAI-PMH error stops it
 * with its code and message. Runs on the driver only (plain JDK {@link HttpClient}), never inside Spark tasks.
 */
public final class Harvester {
  /** How polite and how patient: waits between requests and before retries, retries per page, timeout. */
  public record Settings(Duration delay, int maxRetries, Duration retryWait, Duration timeout) {
    public static final Settings DEFAULT = new Settings(Duration.ofSeconds(3), 5, Duration.ofSeconds(10),
        Duration.ofMinutes(3));
  }

  /** The harvest in the folder after this run: pages and records in all, pages fetched by this run. */
  public record Result(int pages, long records, int fetched, boolean complete) {}

  /** A wait longer than this (a Retry-After far ahead) is cut to it. */
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private final HttpClient http;
  private final Settings settings;
  private final PrintStream log;

  public Harvester(Settings settings, PrintStream log) {
    this.settings = settings;
    this.log = log;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  /** Harvests {@code request} into {@code folder}, or resumes the harvest already there. */
  public Result harvest(OaiRequest request, Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    HarvestState state = HarvestState.load(folder);
    if (state == null) {
      if (Pages.any(folder)) {
        throw new UsageException(folder + " holds pages but no " + HarvestState.FILE
            + ": harvest into a new folder");
      }
      state = HarvestState.start(request);
    } else if (!state.request().equals(request.describe())) {
      throw new UsageException(folder + " holds another harvest (" + state.request()
          + "): harvest into a new folder");
    } else if (state.complete()) {
      log.printf(Locale.ROOT, "harvest: %s is complete (%d pages, %d records); nothing to do%n", folder,
          state.pages(), state.records());
      return new Result(state.pages(), state.records(), 0, true);
    } else {
      log.printf(Locale.ROOT, "harvest: resuming after page %d (%d records)%n", state.pages(), state.records());
    }
    int fetched = 0;
    while (!state.complete()) {
      if (fetched > 0) {
        pause(settings.delay());
      }
      int number = state.pages() + 1;
      URI uri = state.pages() == 0 ? request.first() : request.resume(state.nextToken());
      Fetched page = fetch(uri, number);
      if (page.page().isError()) {
        if (page.page().errorCode().equals("noRecordsMatch") && state.pages() == 0) {
          state = state.empty();
          state.save(folder);
          log.println("harvest: no records match (an empty harvest)");
          break;
        }
        throw new HarvestFailed("OAI-PMH error " + page.page().errorCode() + " on page " + number + ": "
            + page.page().errorMessage()
            + (page.page().errorCode().equals("badResumptionToken")
                ? " (the token expired or is unknown: harvest again into a new folder)" : ""));
      }
      Pages.writeAtomically(folder.resolve(Pages.name(number)), page.body());
      state = state.next(page.page());
      state.save(folder);
      fetched++;
      log.printf(Locale.ROOT, "harvest: page %d: %d records (%d in all)%s%n", number, page.page().records(),
          state.records(), state.complete() ? "; end of list" : "");
    }
    return new Result(state.pages(), state.records(), fetched, state.complete());
  }

  private record Fetched(byte[] body, OaiPage page) {}

  private Fetched fetch(URI uri, int number) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      String problem;
      Duration wait = backoff(attempt);
      try {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout())
            .header("User-Agent", "arxiv-digest harvest (OAI-PMH)").GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 200) {
          try {
            return new Fetched(response.body(), OaiPage.parse(response.body()));
          } catch (OaiPage.NotOai e) {
            problem = "HTTP 200 but " + e.getMessage();
          }
        } else if (status == 503 || status == 429 || status >= 500) {
          problem = "HTTP " + status;
          Duration asked = retryAfter(response.headers().firstValue("Retry-After").orElse(null));
          if (asked != null) {
            wait = asked;
            problem += " (Retry-After " + asked.toSeconds() + " s)";
          }
        } else {
          throw new HarvestFailed("HTTP " + status + " for page " + number + " (" + uri + ")");
        }
      } catch (IOException e) {
        problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt >= settings.maxRetries()) {
        throw new HarvestFailed("page " + number + ": gave up after " + (attempt + 1) + " tries, last: " + problem
            + " (" + uri + "); run the same command again to resume");
      }
      log.printf(Locale.ROOT, "harvest: page %d: %s; retrying in %d s%n", number, problem, wait.toSeconds());
      pause(wait);
    }
  }

  /** The wait before retry {@code attempt + 1}: retryWait, doubled each time, at most {@link #LONGEST_WAIT}. */
  private Duration backoff(int attempt) {
    Duration wait = settings.retryWait().multipliedBy(1L << Math.min(attempt, 10));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /** Retry-After in seconds or as an HTTP date; null when absent or unreadable; at most {@link #LONGEST_WAIT}. */
  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Duration wait;
    try {
      wait = Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException notSeconds) {
      try {
        wait = Duration.between(Instant.now(),
            ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException notADate) {
        return null;
      }
      wait = wait.isNegative() ? Duration.ZERO : wait;
    }
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private static void pause(Duration wait) throws InterruptedException {
    if (!wait.isZero() && !wait.isNegative()) {
      Thread.sleep(wait.toMillis());
    }
  }
}
