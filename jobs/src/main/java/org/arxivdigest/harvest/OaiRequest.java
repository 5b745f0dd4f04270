package org.arxivdigest.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One OAI-PMH ListRecords harvest: the repository's base URL, the metadata format, an optional set and date range
 * (datestamps, inclusive; OAI-PMH's day granularity). The first request names them all; every later one only the
 * resumption token the previous page gave, as the protocol requires.
 */
public record OaiRequest(URI endpoint, String prefix, String set, LocalDate from, LocalDate until) {
  /** arXiv's OAI-PMH base URL. */
  public static final URI ARXIV = URI.create("https://export.arxiv.org/oai2");

  public URI first() {
    var params = new LinkedHashMap<String, String>();
    params.put("verb", "ListRecords");
    params.put("metadataPrefix", prefix);
    if (set != null) {
      params.put("set", set);
    }
    if (from != null) {
      params.put("from", from.toString());
    }
    if (until != null) {
      params.put("until", until.toString());
    }
    return with(params);
  }

  public URI resume(String token) {
    var params = new LinkedHashMap<String, String>();
    params.put("verb", "ListRecords");
    params.put("resumptionToken", token);
    return with(params);
  }

  private URI with(Map<String, String> params) {
    String query = params.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String base = endpoint.toString();
    return URI.create(base + (base.contains("?") ? "&" : "?") + query);
  }

  /** What the state file keeps, to tell a resumed harvest from another one in the same folder. */
  public String describe() {
    return first().toString();
  }
}
