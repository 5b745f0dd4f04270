package org.arxivdigest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.arxivdigest.testing.SampleRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The HTML site of the sample run in a real headless Chromium (Debian's, driven through Debian's chromedriver;
 * nothing is downloaded): every internal link and image of every page reached from the index resolves, no page
 * logs a console error or loads anything from outside the site, and screenshots are not blank.
 */
class SiteInBrowserTest {
  static final String CHROMIUM = System.getProperty("arxivdigest.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("arxivdigest.chromedriver", "/usr/bin/chromedriver");

  private static ChromeDriver driver;
  private static Path userData;

  @BeforeAll
  static void startChromium() throws IOException {
    assertThat(new File(CHROMIUM)).as("Debian chromium (apt-get install chromium; .ci/run does)").canRead();
    assertThat(new File(CHROMEDRIVER)).as("Debian chromedriver (apt-get install chromium-driver)").canRead();
    userData = Files.createTempDirectory("arxiv-digest-chromium");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
        "--user-data-dir=" + userData, "--window-size=1100,1400");
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (userData != null) {
      deleteTree(userData);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static Path site() {
    return SampleRun.output().resolve("site").toAbsolutePath().normalize();
  }

  @SuppressWarnings("unchecked")
  private static List<String> urls(String script) {
    return new ArrayList<>((List<String>) ((JavascriptExecutor) driver).executeScript(script));
  }

  @Test
  void everyInternalLinkResolvesWithoutConsoleErrorsOrExternalRequests() {
    Path site = site();
    var queue = new ArrayDeque<URI>(List.of(site.resolve("index.html").toUri()));
    Set<URI> visited = new HashSet<>();
    var broken = new ArrayList<String>();
    var errors = new ArrayList<String>();
    var external = new ArrayList<String>();
    while (!queue.isEmpty()) {
      URI page = queue.poll();
      if (!visited.add(page)) {
        continue;
      }
      driver.get(page.toString());
      for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
        if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
          errors.add(page + ": " + e.getMessage());
        }
      }
      // Web addresses in comments are links the reader may follow (never loaded by the page), http(s) only.
      for (String href : urls("return Array.from(document.querySelectorAll('a.url')).map(a => a.href)")) {
        if (!href.startsWith("http://") && !href.startsWith("https://")) {
          external.add(page + " comment link " + href);
        }
      }
      for (String href : urls("return Array.from(document.querySelectorAll('a[href]:not(.url)')).map(a => a.href)")) {
        URI target = URI.create(href.replaceFirst("#.*$", ""));
        if (!"file".equals(target.getScheme())) {
          if (!href.startsWith("http://arxiv.org/abs/")) {
            external.add(page + " links to " + href);
          }
          continue;
        }
        Path file = Path.of(target);
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
          broken.add(page + " -> " + href);
        } else if (file.toString().endsWith(".html")) {
          queue.add(file.toUri());
        }
      }
      List<String> brokenImages = urls("return Array.from(document.images)"
          + ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)");
      brokenImages.forEach(src -> broken.add(page + " image " + src));
      for (String resource : urls("return performance.getEntriesByType('resource').map(r => r.name)")) {
        if (!resource.startsWith("file:") && !resource.startsWith("data:")) {
          external.add(page + " loaded " + resource);
        }
      }
    }
    assertThat(broken).isEmpty();
    assertThat(errors).isEmpty();
    assertThat(external).isEmpty();
    long pages;
    try (var walk = Files.walk(site)) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(visited).as("every HTML page is reachable from the index").hasSize((int) pages);
  }

  @Test
  void aMonthPageShowsItsHeadingInWordsAndEveryEntrysAuthorsIdAndCategory() {
    driver.get(site().resolve("papers/llm/2026_05/papers_1.html").toUri().toString());
    var js = (JavascriptExecutor) driver;
    assertThat(js.executeScript("return document.querySelector('h1').textContent"))
        .isEqualTo("Large language models \u2014 May 2026");
    long entries = (Long) js.executeScript("return document.querySelectorAll('article.paper').length");
    assertThat(entries).isEqualTo(100);
    assertThat(js.executeScript("return Array.from(document.querySelectorAll('article.paper'))"
        + ".filter(a => a.querySelector('.authors') && a.querySelector('.authors').textContent.trim()).length"))
        .as("entries with authors shown").isEqualTo(entries);
    assertThat(js.executeScript("return Array.from(document.querySelectorAll('article.paper .meta'))"
        + ".filter(m => /^arXiv:\\S+v\\d+ \u00b7 [a-z-]+(\\.[A-Za-z-]+)? /.test(m.textContent)).length"))
        .as("entries with id and primary category").isEqualTo(entries);
  }

  @Test
  void aTopicPagesChartDrawsTheNumbersOfItsTableAndItsPagesShowTrendingTerms() {
    var js = (JavascriptExecutor) driver;
    boolean sawYears = false;
    for (String topic : List.of("llm", "black_holes")) {
      driver.get(site().resolve("papers/" + topic + "/index.html").toUri().toString());
      @SuppressWarnings("unchecked")
      var rows = (List<List<String>>) js.executeScript("return Array.from(document.querySelectorAll("
          + "'table tbody tr')).map(r => [r.cells[0].textContent, r.cells[1].textContent])");
      var table = new java.util.TreeMap<String, Long>();
      rows.forEach(r -> table.put(r.get(0), Long.parseLong(r.get(1))));
      assertThat(table).as(topic + " table").isNotEmpty();
      Object chart = js.executeScript("var i = document.querySelector('img.chart');"
          + "return i.complete && i.naturalWidth > 0 ? i.src : null");
      assertThat(chart).as(topic + ": the chart image is drawn").isNotNull();
      // The chart itself, opened as the document: its bars' titles ("2026_05: 412 papers").
      driver.get((String) chart);
      var drawn = new java.util.TreeMap<String, Long>();
      for (String title : urls("return Array.from(document.querySelectorAll('g > title')).map(t => t.textContent)")) {
        String[] parts = title.split(": ", 2);
        drawn.put(parts[0], Long.parseLong(parts[1].replace(" papers", "")));
      }
      sawYears |= org.arxivdigest.publish.Charts.monthsBetween(table.firstKey(), table.lastKey()).size() > 36;
      assertThat(drawn).as(topic + ": the chart's bars").isEqualTo(ChartsAndFeedsTest.expectedBars(table));
    }
    assertThat(sawYears).as("black_holes spans 2007..2016: drawn by year").isTrue();
    driver.get(site().resolve("papers/llm/index.html").toUri().toString());
    assertThat(urls("return Array.from(document.querySelectorAll('section.trending .term')).map(t => t.textContent)"))
        .as("the topic page's trending terms").hasSizeBetween(1, 10);
    driver.get(site().resolve("papers/llm/2026_05/papers_1.html").toUri().toString());
    assertThat(urls("return Array.from(document.querySelectorAll('section.trending .term')).map(t => t.textContent)"))
        .as("the month page's trending terms").hasSizeBetween(1, 10);
  }

  @Test
  void aHostileHrefInATitleIsDrawnAsTextNeverAsALink() throws IOException {
    // A copy of the site with one more page, so that the shared sample output stays as the run wrote it.
    Path copy = Files.createTempDirectory("arxiv-digest-hostile");
    try {
      org.arxivdigest.testing.Outputs.copy(site(), copy);
      var renderer = new org.arxivdigest.publish.PageRenderer("https://example.org/site");
      String title = "Attack $\\href{javascript:alert(1)}{x}$ and $\\url{https://evil.example}$ with $a<b$";
      Path page = copy.resolve("papers/llm/2026_05/papers_9.html");
      Files.writeString(page, renderer.renderPartHtml("llm", "2026_05", 9, 9, List.of(
          new org.arxivdigest.publish.PageRenderer.Entry(title, "http://arxiv.org/abs/2605.99999v1", "2026-05-04",
              "Abstract with $\\href{https://evil.example}{click}$.", null))));
      driver.get(page.toUri().toString());
      var js = (JavascriptExecutor) driver;
      Object drawn = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
          + "document.querySelectorAll('details').forEach(d => d.open = true);"
          + "MathJax.startup.promise.then(() => MathJax.typesetPromise()).then("
          + "() => done(document.querySelectorAll('mjx-container').length), e => done('error: ' + e));");
      assertThat(drawn).as("formulas typeset").isInstanceOf(Long.class);
      assertThat((Long) drawn).isGreaterThanOrEqualTo(3L);
      assertThat(js.executeScript("return document.querySelectorAll('mjx-container a, a[href^=\"javascript\"]')"
          + ".length")).isEqualTo(0L);
      assertThat(urls("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href)"))
          .noneMatch(h -> h.contains("evil.example") || h.startsWith("javascript"));
    } finally {
      deleteTree(copy);
    }
  }

  @Test
  void texInTitlesAndAbstractsIsDrawnByTheSitesOwnMathJaxWithoutConsoleErrors() {
    Path page = site().resolve("papers/llm/2026_05/papers_1.html");
    driver.get(page.toUri().toString());
    var js = (JavascriptExecutor) driver;
    // Abstracts are folded: open them, then wait for MathJax to have typeset the page.
    Object drawn = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "document.querySelectorAll('details').forEach(d => d.open = true);"
        + "MathJax.startup.promise.then(() => MathJax.typesetPromise()).then("
        + "() => done(document.querySelectorAll('mjx-container svg').length), e => done('error: ' + e));");
    assertThat(drawn).as("formulas drawn as SVG").isInstanceOf(Long.class);
    assertThat((Long) drawn).isPositive();
    assertThat(js.executeScript("return document.querySelectorAll('script[src]').length")).isEqualTo(2L);
    assertThat(js.executeScript("return Array.from(document.querySelectorAll('script[src]')).every("
        + "s => s.src.startsWith('file:'))")).isEqualTo(true);
    assertThat(js.executeScript("return document.querySelectorAll('mjx-container a[href]').length")).isEqualTo(0L);
    var errors = new ArrayList<String>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void screenshotsOfTheIndexAndAMonthPageAreNotBlank() throws IOException {
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    for (Map.Entry<String, Path> page : Map.of(
        "index", site().resolve("index.html"),
        "llm-2026_05-part-1", site().resolve("papers/llm/2026_05/papers_1.html")).entrySet()) {
      driver.get(page.getValue().toUri().toString());
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.write(shots.resolve(page.getKey() + ".png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isGreaterThan(500);
      Set<Integer> colours = new HashSet<>();
      long dark = 0;
      for (int y = 0; y < image.getHeight(); y += 3) {
        for (int x = 0; x < image.getWidth(); x += 3) {
          int rgb = image.getRGB(x, y) & 0xFFFFFF;
          colours.add(rgb);
          if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 300) {
            dark++;
          }
        }
      }
      assertThat(colours.size()).as(page.getKey() + ": distinct colours").isGreaterThan(20);
      assertThat(dark).as(page.getKey() + ": dark (text) pixels").isGreaterThan(500);
    }
  }
}
