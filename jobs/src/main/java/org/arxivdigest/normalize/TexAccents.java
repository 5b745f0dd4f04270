package org.arxivdigest.normalize;

import static org.apache.spark.sql.functions.udf;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * TeX's accents and special letters as the Unicode letters they stand for, the way arXiv shows its own listings
 * (arxiv-base's {@code tex2utf}): "Braum\\\"uller" is "Braumüller", "Kri\\v{s}j\\=anis" "Krišjānis", "Fr\\'echet"
 * "Fréchet", "{\\o}" "ø", "3 \\AA" "3 Å". The dump writes names and text both ways (older records in TeX, newer in
 * UTF-8), so without this one author is two names and a page shows a backslash in a name.
 *
 * <p>Only an accent that makes one precomposed letter is replaced (the base letter and the mark composed by
 * {@link Normalizer} NFC); anything else is left as it is written, readable and for the page to escape. An
 * apostrophe a dump has escaped is no accent: "GPT-4o\\'s", "today\\'s", "don\\'t" keep theirs (an acute before a
 * word's last letter s, t, d or m after a letter; TeX's own "Poincar\\'e" ends in e). Math is left alone: its
 * accents are other commands ({@code \hat}, {@code \ddot}), and a text without a backslash is returned as it is.
 */
public final class TexAccents {
  private TexAccents() {}

  /** The combining mark of each accent command: {@code \'} acute ... {@code \v} caron, {@code \d} dot below. */
  private static final Map<Character, Character> MARKS = Map.ofEntries(Map.entry('\'', '\u0301'),
      Map.entry('`', '\u0300'), Map.entry('^', '\u0302'), Map.entry('"', '\u0308'), Map.entry('~', '\u0303'),
      Map.entry('=', '\u0304'), Map.entry('.', '\u0307'), Map.entry('u', '\u0306'), Map.entry('v', '\u030C'),
      Map.entry('H', '\u030B'), Map.entry('c', '\u0327'), Map.entry('k', '\u0328'), Map.entry('r', '\u030A'),
      Map.entry('d', '\u0323'), Map.entry('b', '\u0331'));

  /** TeX's special letters ({@code \ss}, {@code \o}, ...); {@code \i} and {@code \j} are the dotless letters. */
  private static final Map<String, String> LETTERS = Map.ofEntries(Map.entry("ss", "ß"), Map.entry("ae", "æ"),
      Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"), Map.entry("AA", "Å"),
      Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
      Map.entry("j", "ȷ"));

  /** The letter an accent sits on: a letter, or a dotless i or j ({@code \'{\i}} is í). */
  private static final String BASE = "([A-Za-z]|\\\\[ij](?![A-Za-z]))";
  /**
   * One accent or special letter at a backslash: a symbol accent ({@code \'e}, {@code \' e}, {@code \'{e}}); a
   * letter accent with its letter in braces ({@code \v{s}}, as arXiv reads it: {@code \v s} is left); a special
   * letter, with the spaces TeX eats after it or an empty group ({@code \o re}, {@code \ss{}}). Groups: symbol
   * accent, its letter braced, its letter bare; letter accent, its letter; special letter.
   */
  private static final Pattern ACCENT = Pattern.compile(
      "\\\\(?:([\'`^\"~=.])\\s*(?:\\{\\s*" + BASE + "\\s*\\}|" + BASE + ")"
      + "|([uvHckrdb])\\s*\\{\\s*" + BASE + "\\s*\\}"
      + "|(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\\{\\}|[ \\t]*))");

  /**
   * {@code text} with TeX's accents and special letters as Unicode letters (see the class); null stays null. Read
   * from backslash to backslash; an accent alone in braces ({@code {\"u}}, {@code {\o}}) takes them with it, and a
   * doubled backslash (a line break) starts no accent: "\\\\'e" is a break and "'e".
   */
  public static String toUnicode(String text) {
    int at = text == null ? -1 : text.indexOf('\\');
    if (at < 0) {
      return text;
    }
    Matcher m = ACCENT.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    for (; at >= 0; at = text.indexOf('\\', at)) {
      if (at + 1 < text.length() && text.charAt(at + 1) == '\\') {
        at += 2;
        continue;
      }
      m.region(at, text.length());
      String letter = m.lookingAt() ? letter(m, text) : null;
      if (letter == null) {
        at++;
        continue;
      }
      int from = at;
      int to = m.end();
      if (from > copied && text.charAt(from - 1) == '{' && to < text.length() && text.charAt(to) == '}') {
        from--;
        to++;
      }
      out = out == null ? new StringBuilder(text.length()) : out;
      out.append(text, copied, from).append(letter);
      copied = to;
      at = to;
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  /** {@link #toUnicode(String)} of a string column. */
  public static Column toUnicode(Column text) {
    return TO_UNICODE.apply(text);
  }

  private static final UserDefinedFunction TO_UNICODE =
      udf((UDF1<String, String>) TexAccents::toUnicode, DataTypes.StringType).withName("tex_accents");

  /** The letter an accent matched makes; null when it makes none, or is a dump's escaped apostrophe. */
  private static String letter(MatchResult r, String text) {
    if (r.group(6) != null) {
      return LETTERS.get(r.group(6));
    }
    boolean symbol = r.group(1) != null;
    char accent = (symbol ? r.group(1) : r.group(4)).charAt(0);
    String base = symbol ? (r.group(2) != null ? r.group(2) : r.group(3)) : r.group(5);
    if (accent == '\'' && !base.startsWith("\\") && apostrophe(text, r, base.charAt(0))) {
      return null;
    }
    String composed = Normalizer.normalize(base.charAt(base.length() - 1) + "" + MARKS.get(accent),
        Normalizer.Form.NFC);
    return composed.length() == 1 ? composed : null;
  }

  /** Whether {@code \'} before {@code letter} is a dump's escaped apostrophe: "model\'s", "don\'t". */
  private static boolean apostrophe(String text, MatchResult r, char letter) {
    int before = r.start() - 1;
    int after = r.end();
    return "stdm".indexOf(letter) >= 0 && r.group().length() == 3 && before >= 0
        && Character.isLetterOrDigit(text.charAt(before))
        && (after >= text.length() || !Character.isLetter(text.charAt(after)));
  }
}
