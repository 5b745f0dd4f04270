package org.arxivdigest.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.arxivdigest.core.UsageException;

/**
 * Reads and checks {@code data/topics.json}. Every problem is a {@link UsageException} naming the topic and the
 * field, raised before anything is written.
 */
public final class TopicsConfig {
  private TopicsConfig() {}

  public static final String DEFAULT_PATH = "data/topics.json";

  /** A slug names folders and files: lower-case letters, digits and _, at most 64 of them. */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9_]{1,64}");

  /**
   * At most this many terms in one list (include, exclude, related, train_positive, and each regex list). A
   * topic's terms become one Spark expression per paper: with 10,000 include terms the generated code is too large
   * to compile and runs interpreted (297 s on 7 papers), and 10,000 exclude terms overflowed the stack. A topic is
   * a rule a person reads; a longer list is a model's job (method tfidf).
   */
  public static final int MAX_TERMS = 500;
  /** An archive ({@code cs}, {@code hep-th}) or a category ({@code cs.CL}, {@code cond-mat.mes-hall}). */
  private static final Pattern CATEGORY = Pattern.compile("[a-z]+(-[a-z]+)?(\\.[A-Za-z]+(-[a-z]+)?)?");
  private static final Set<String> FIELDS = Set.of("slug", "name", "include", "exclude", "include_regex",
      "exclude_regex", "categories", "listing", "format", "method", "threshold", "related", "why", "authors",
      "train_positive");
  private static final List<String> DEFAULT_CATEGORIES = List.of("cs", "stat");

  public static List<Topic> load(String path, Configuration conf) {
    Path file = new Path(path);
    try (InputStream in = file.getFileSystem(conf).open(file)) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), path);
    } catch (IOException e) {
      throw new UsageException("cannot read topic config " + path + ": " + e.getMessage(), e);
    }
  }

  public static List<Topic> parse(String json, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new UsageException(source + ": not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !root.path("topics").isArray()) {
      throw new UsageException(source + ": expected an object with a \"topics\" array");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("topics") && !field.equals("$comment")) {
        throw new UsageException(source + ": unknown field \"" + field + "\" (expected \"topics\")");
      }
    }
    var topics = new ArrayList<Topic>();
    var slugs = new HashSet<String>();
    int index = 0;
    for (JsonNode node : root.get("topics")) {
      Topic topic = topic(node, source + ": topic #" + (++index));
      if (!slugs.add(topic.slug())) {
        throw new UsageException(source + ": topic \"" + topic.slug() + "\": field \"slug\": defined twice");
      }
      topics.add(topic);
    }
    if (topics.isEmpty()) {
      throw new UsageException(source + ": no topics defined");
    }
    return List.copyOf(topics);
  }

  private static Topic topic(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new UsageException(where + ": expected an object");
    }
    JsonNode slugNode = node.get("slug");
    if (slugNode == null || !slugNode.isTextual() || !SLUG.matcher(slugNode.asText()).matches()) {
      throw new UsageException(where + ": field \"slug\": required, 1 to 64 lower-case letters, digits and _ "
          + "(it names the topic's folder), got " + slugNode);
    }
    String slug = slugNode.asText();
    String at = where.substring(0, where.indexOf(": topic #")) + ": topic \"" + slug + "\"";
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new UsageException(at + ": unknown field \"" + field + "\" (known: " + String.join(", ",
            FIELDS.stream().sorted().toList()) + ")");
      }
    }
    String name = node.has("name") ? text(node, "name", at) : slug;
    List<String> include = terms(node, "include", at);
    List<String> includeRegex = regexes(node, "include_regex", at);
    if (include.isEmpty() && includeRegex.isEmpty()) {
      throw new UsageException(at + ": field \"include\": needs at least one term (or an include_regex)");
    }
    List<String> categories = node.has("categories") ? strings(node, "categories", at) : DEFAULT_CATEGORIES;
    if (categories.isEmpty()) {
      throw new UsageException(at + ": field \"categories\": needs at least one archive or category");
    }
    for (String c : categories) {
      if (!CATEGORY.matcher(c).matches()) {
        throw new UsageException(at + ": field \"categories\": not an arXiv archive or category: \"" + c + "\"");
      }
    }
    Topic.Method method = choice(node, "method", Topic.Method.class, Topic.Method.KEYWORD, at);
    return new Topic(slug, name, include, terms(node, "exclude", at), includeRegex, regexes(node, "exclude_regex",
        at), categories, choice(node, "listing", Topic.Listing.class, Topic.Listing.VERSIONS, at),
        choice(node, "format", Topic.Format.class, Topic.Format.TABLE, at), method, threshold(node, at),
        terms(node, "related", at), bool(node, "why", method != Topic.Method.KEYWORD, at),
        bool(node, "authors", false, at), terms(node, "train_positive", at));
  }

  private static double threshold(JsonNode node, String at) {
    if (!node.has("threshold")) {
      return Topic.DEFAULT_THRESHOLD;
    }
    JsonNode value = node.get("threshold");
    if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
      throw new UsageException(at + ": field \"threshold\": expected a number from 0 to 1, got " + value);
    }
    return value.asDouble();
  }

  private static boolean bool(JsonNode node, String field, boolean fallback, String at) {
    JsonNode value = node.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isBoolean()) {
      throw new UsageException(at + ": field \"" + field + "\": expected true or false, got " + value);
    }
    return value.asBoolean();
  }

  private static String text(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new UsageException(at + ": field \"" + field + "\": expected a non-empty string");
    }
    return value.asText().strip();
  }

  private static List<String> strings(JsonNode node, String field, String at) {
    JsonNode value = node.get(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new UsageException(at + ": field \"" + field + "\": expected a list of strings");
    }
    if (value.size() > MAX_TERMS) {
      throw new UsageException(at + ": field \"" + field + "\": " + value.size() + " entries, at most " + MAX_TERMS
          + " (a longer list is a model's job: method tfidf)");
    }
    var out = new ArrayList<String>();
    for (JsonNode item : value) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new UsageException(at + ": field \"" + field + "\": expected non-empty strings, got " + item);
      }
      out.add(item.asText().strip());
    }
    return List.copyOf(out);
  }

  /** Words and phrases, compared case-insensitively; inner whitespace is normalized to one space. */
  private static List<String> terms(JsonNode node, String field, String at) {
    return strings(node, field, at).stream()
        .map(t -> t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
        .toList();
  }

  /** Texts a regex is tried on when the config is loaded: one that matches the empty string in any of them would
   * put (or keep out) every paper. */
  private static final List<String> EMPTY_MATCH_PROBES = List.of("", " ", "a", "a b", "LLM", "1");

  /**
   * Regexes in RE2 syntax, run on a linear-time engine (RE2/J: no backtracking, so no pattern can hang a run),
   * compiled here, before Spark starts: one RE2/J cannot compile, or one that matches the empty string, stops the
   * command naming the topic and the field.
   */
  private static List<String> regexes(JsonNode node, String field, String at) {
    List<String> out = strings(node, field, at);
    for (String regex : out) {
      com.google.re2j.Pattern p;
      try {
        p = com.google.re2j.Pattern.compile(regex, com.google.re2j.Pattern.CASE_INSENSITIVE);
      } catch (com.google.re2j.PatternSyntaxException e) {
        throw new UsageException(at + ": field \"" + field + "\": not a regular expression in RE2 syntax: \""
            + regex + "\": " + e.getDescription());
      }
      for (String probe : EMPTY_MATCH_PROBES) {
        com.google.re2j.Matcher m = p.matcher(probe);
        if (m.find() && m.end() == m.start()) {
          throw new UsageException(at + ": field \"" + field + "\": \"" + regex + "\" matches the empty string, "
              + "so it would match every paper");
        }
      }
    }
    return out;
  }

  private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback, String at) {
    if (!node.has(field)) {
      return fallback;
    }
    String value = text(node, field, at);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new UsageException(at + ": field \"" + field + "\": \"" + value + "\" is not one of "
        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()));
  }
}
