package org.arxivdigest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OAI-PMH server (the JDK's {@code com.sun.net.httpserver}) that replays real responses: a chain of
 * ListRecords pages, answered by the first request's parameters and then by resumption token. Faults on demand:
 * the next requests answered with arXiv's real 503 body and a Retry-After, all requests failed from some page on
 * (a connection closed before any answer), or connections dropped at random (seeded) half-way through a body.
 */
public final class OaiServer implements AutoCloseable {
  /** One response: status, Retry-After (or null), body. */
  public record Response(int status, String retryAfter, byte[] body) {}

  private final HttpServer server;
  private final Map<String, Response> byRequest = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger unavailable = new AtomicInteger();
  private volatile String retryAfter = "0";
  private volatile boolean down;
  private volatile double dropRate;
  private Random random = new Random(0);
  private final AtomicInteger drops = new AtomicInteger();

  public OaiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/oai2", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oai2");
  }

  /** The response to a request with exactly these parameters (order does not matter). */
  public OaiServer answer(Map<String, String> params, Response response) {
    byRequest.put(key(params), response);
    return this;
  }

  public OaiServer answer(Map<String, String> params, Path body) throws IOException {
    return answer(params, new Response(200, null, Files.readAllBytes(body)));
  }

  /**
   * A harvest chain: the first page answers {@code first}, each next one the token the page before it ends with
   * (read from the page itself).
   */
  public OaiServer chain(Map<String, String> first, List<byte[]> pages) {
    Map<String, String> params = first;
    for (byte[] page : pages) {
      answer(params, new Response(200, null, page));
      String text = new String(page, StandardCharsets.UTF_8);
      var m = java.util.regex.Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(text);
      if (!m.find()) {
        break;
      }
      params = Map.of("verb", "ListRecords", "resumptionToken", m.group(1));
    }
    return this;
  }

  /** The next {@code n} requests get the 503 body with this Retry-After (seconds). */
  public OaiServer unavailable(int n, String retryAfterSeconds, byte[] body503) {
    this.retryAfter = retryAfterSeconds;
    this.body503 = body503;
    unavailable.set(n);
    return this;
  }

  private volatile byte[] body503 = new byte[0];

  /** Every request from now on fails (the connection is closed unanswered) until {@code down(false)}. */
  public OaiServer down(boolean down) {
    this.down = down;
    return this;
  }

  /** Drops this share of connections half-way through the body, at random with this seed. */
  public synchronized OaiServer drops(double rate, long seed) {
    this.dropRate = rate;
    this.random = new Random(seed);
    return this;
  }

  public List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public int dropped() {
    return drops.get();
  }

  private synchronized boolean drop() {
    return dropRate > 0 && random.nextDouble() < dropRate;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      requests.add(query == null ? "" : query);
      if (down) {
        return; // closed without an answer
      }
      if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
        send(exchange, 503, body503, false);
        return;
      }
      Response r = byRequest.get(key(params(query)));
      if (r == null) {
        send(exchange, 404, ("no response for " + query).getBytes(StandardCharsets.UTF_8), false);
        return;
      }
      if (r.retryAfter() != null) {
        exchange.getResponseHeaders().add("Retry-After", r.retryAfter());
      }
      boolean cut = drop();
      if (cut) {
        drops.incrementAndGet();
      }
      send(exchange, r.status(), r.body(), cut);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body, boolean cut) {
    try {
      sendOrFail(exchange, status, body, cut);
    } catch (IOException e) {
      // the cut body, or a client gone: the connection is closed either way
    }
  }

  private static void sendOrFail(HttpExchange exchange, int status, byte[] body, boolean cut) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, cut ? body.length / 2 : body.length);
      out.flush(); // a cut body: the exchange closes short of its length, and so does the connection
    }
  }

  private static Map<String, String> params(String query) {
    var out = new TreeMap<String, String>();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String key(Map<String, String> params) {
    return new TreeMap<>(params).toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
