package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Authors one by one, as the Kaggle dump's {@code authors_parsed} gives them: [keyname, forenames, suffix]. The
 * dump has them from arXiv; the other formats give a raw string (arXivRaw), structured names (arXiv), "Keyname,
 * Forenames" (oai_dc) or "Forenames Keyname" (Atom), and are brought to the same shape here.
 */
public final class Authors {
  private Authors() {}

  private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");
  /** Name particles that belong to the keyname: "Adrian Del Maestro" is Del Maestro, Adrian. */
  private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
      "dos", "du", "le", "la", "ter", "ten", "zu", "y", "bin", "ibn", "al", "el", "st.");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");
  private static final Pattern AND = Pattern.compile("(?i)(?:,\\s*|\\s+)and\\s+|\\s*[,;]\\s*|\\s+&\\s+");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /**
   * An arXiv authors string ("D.V. Shetty, S.J. Yennello, and G.A. Souliotis"; "A. One (1), B. Two (2) ((1) Univ.
   * X, (2) Univ. Y)") as [keyname, forenames, suffix] per author; affiliations in parentheses are left out.
   */
  public static Column parseList(Column authors) {
    return PARSE_LIST.apply(authors);
  }

  private static final UserDefinedFunction PARSE_LIST = udf((UDF1<String, List<List<String>>>) Authors::parseList,
      DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.StringType))).withName("parse_authors");

  static List<List<String>> parseList(String authors) {
    if (authors == null) {
      return null;
    }
    String text = SPACE.matcher(authors).replaceAll(" ");
    for (String before = null; !text.equals(before); ) { // nested parentheses, innermost first
      before = text;
      text = PARENTHESES.matcher(text).replaceAll(" ");
    }
    var out = new ArrayList<List<String>>();
    for (String name : AND.split(text)) {
      List<String> parsed = parseName(name);
      if (parsed != null) {
        out.add(parsed);
      }
    }
    return out;
  }

  /** "Forenames Keyname [Suffix]" as [keyname, forenames, suffix]; null when there is no name. */
  static List<String> parseName(String name) {
    String[] words = SPACE.split(name.strip());
    int end = words.length;
    if (end == 0 || words[0].isEmpty()) {
      return null;
    }
    String suffix = "";
    if (end > 1 && SUFFIXES.contains(words[end - 1].toLowerCase(Locale.ROOT))) {
      suffix = words[--end];
    }
    int key = end - 1;
    while (key > 1 && PARTICLES.contains(words[key - 1].toLowerCase(Locale.ROOT))) {
      key--;
    }
    return List.of(String.join(" ", List.of(words).subList(key, end)),
        String.join(" ", List.of(words).subList(0, key)), suffix);
  }

  /** One name "Forenames Keyname" (Atom's {@code <name>}) as [keyname, forenames, suffix]. */
  public static Column parseName(Column name) {
    return PARSE_NAME.apply(name);
  }

  private static final UserDefinedFunction PARSE_NAME = udf(
      (UDF1<String, List<String>>) n -> n == null ? null : parseName(n),
      DataTypes.createArrayType(DataTypes.StringType)).withName("parse_author_name");

  /** "Keyname, Forenames" (oai_dc's {@code <dc:creator>}) as [keyname, forenames, ""]. */
  public static Column fromKeynameFirst(Column creator) {
    Column key = regexp_extract(creator, "\\A\\s*([^,]*?)\\s*(?:,|\\z)", 1);
    Column fore = regexp_extract(creator, "\\A[^,]*,\\s*(.*?)\\s*\\z", 1);
    return array(key, fore, lit(""));
  }

  /** The display form of a parsed author: "Forenames Keyname Suffix", blanks left out. */
  public static Column display(Column parsed) {
    return concat_ws(" ", coalesce(parsed.getItem(1), lit("")), parsed.getItem(0),
        coalesce(parsed.getItem(2), lit("")));
  }

  /** The authors string of parsed authors, in the dump's style: "A. One, B. Two, C. Three". */
  public static Column joined(Column parsedArray) {
    return concat_ws(", ", names(parsedArray));
  }

  /**
   * Parsed authors as display names in order: ["A. One", "B. Two"], TeX's accents as letters ({@link TexAccents}:
   * "Jochen Braum\\"uller" is "Jochen Braumüller", as newer records write him); null stays null. The parsed
   * names stay as the source wrote them.
   */
  public static Column names(Column parsedArray) {
    return transform(parsedArray, a -> TexAccents.toUnicode(Text.collapse(display(a))));
  }
}
