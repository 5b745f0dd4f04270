package org.arxivdigest.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.spark.sql.api.java.UDF1;

/**
 * What Spark's JSON reader does not say of a line: it parses the first JSON value of a line and ignores the rest,
 * and it reads a number where the schema wants a string as that number's text. So {@code {...}{...}} would lose its
 * second record and {@code "id": 2505.13310} would become paper 2505.1331. This reads the line once more with
 * Jackson's streaming parser over its UTF-8 bytes (strings skipped, not decoded; only the top level's fields
 * looked at) and names the problem, or null when there is none:
 * <ul>
 *   <li>{@link #BLANK}: only whitespace ({@code \s}) and byte order marks, not a record;</li>
 *   <li>{@link #INVALID_UTF8}: bytes that are not well-formed UTF-8 (as Spark's {@code is_valid_utf8} says);</li>
 *   <li>{@link #TRAILING}: anything but whitespace after the first value (another value, garbage, a comma);</li>
 *   <li>{@link #ID_NOT_STRING}: a top-level {@code id} that is a number, a boolean, an object or an array;</li>
 *   <li>{@link #TOO_LARGE}, {@link #TOO_DEEP}, {@link #NUMBER_TOO_LONG}: valid JSON beyond the limits of the JSON
 *   parser Spark uses (Jackson's defaults, as here: a string of more than 20,000,000 characters, nesting deeper
 *   than 1,000 levels, a number of more than 1,000 digits), which Spark reads as malformed.</li>
 * </ul>
 */
final class JsonLineCheck implements UDF1<byte[], String> {
  private static final long serialVersionUID = 1L;

  static final String BLANK = "blank";
  static final String INVALID_UTF8 = "invalid_utf8";
  static final String TRAILING = "trailing";
  static final String ID_NOT_STRING = "id_not_string";
  static final String TOO_LARGE = "too_large";
  static final String TOO_DEEP = "too_deep";
  static final String NUMBER_TOO_LONG = "number_too_long";

  private static final JsonFactory JSON = new JsonFactory();

  /** Skipped strings are not measured: a line longer than this may hold one longer than the parser takes. */
  static final int MAX_STRING_LENGTH =
      com.fasterxml.jackson.core.StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

  /** Reads every string of the line (only for lines long enough to hold one beyond the limit). */
  private static boolean hasTooLongString(byte[] line, int start) {
    try (JsonParser p = JSON.createParser(line, start, line.length - start)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          p.getTextLength();
        }
      }
      return false;
    } catch (StreamConstraintsException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean continuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Eight bytes of a line at once, in the order they stand (any order would do: only the high bits are tested). */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  private static boolean isBom(byte[] line, int i) {
    return i + 2 < line.length && (line[i] & 0xFF) == 0xEF && (line[i + 1] & 0xFF) == 0xBB
        && (line[i + 2] & 0xFF) == 0xBF;
  }

  /**
   * {@link #BLANK}, {@link #INVALID_UTF8} or null, in one pass over the bytes: the blank-line regex and
   * {@code is_valid_utf8} were two more passes per line, with the line decoded to a Java string for the regex
   * (issue 22). Well-formed UTF-8 is Unicode's (Table 3-7: no overlong forms, no surrogates, nothing above
   * U+10FFFF). A record's line stops being blank at its first byte, so only leading white space is looked at one
   * byte at a time; after it, runs of ASCII are skipped eight bytes at a time (a fifth of the first version's cost).
   */
  static String blankOrInvalid(byte[] line) {
    int n = line.length;
    int i = 0;
    while (i < n) {
      int c = line[i];
      if (c == ' ' || (c >= 0x9 && c <= 0xd)) {
        i++;
      } else if (isBom(line, i)) {
        i += 3;
      } else {
        return isValidUtf8(line, i) ? null : INVALID_UTF8;
      }
    }
    return BLANK;
  }

  private static boolean isValidUtf8(byte[] line, int from) {
    int n = line.length;
    int i = from;
    while (i < n) {
      if (i + 8 <= n && ((long) LONGS.get(line, i) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      int c = line[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xFF;
      if (c < 0xC2) {
        return false; // a continuation byte first, or an overlong two-byte form
      } else if (c < 0xE0) {
        if (i + 1 >= n || !continuation(line[i + 1])) {
          return false;
        }
        i += 2;
      } else if (c < 0xF0) {
        if (i + 2 >= n || !continuation(line[i + 2])) {
          return false;
        }
        int c1 = line[i + 1] & 0xFF;
        if (c == 0xE0 ? c1 < 0xA0 || c1 > 0xBF : c == 0xED ? c1 < 0x80 || c1 > 0x9F : !continuation(line[i + 1])) {
          return false;
        }
        i += 3;
      } else if (c < 0xF5) {
        if (i + 3 >= n || !continuation(line[i + 2]) || !continuation(line[i + 3])) {
          return false;
        }
        int c1 = line[i + 1] & 0xFF;
        if (c == 0xF0 ? c1 < 0x90 || c1 > 0xBF : c == 0xF4 ? c1 < 0x80 || c1 > 0x8F : !continuation(line[i + 1])) {
          return false;
        }
        i += 4;
      } else {
        return false;
      }
    }
    return true;
  }

  @Override
  public String call(byte[] line) {
    if (line == null) {
      return null;
    }
    String before = blankOrInvalid(line);
    if (before != null) {
      return before;
    }
    int start = isBom(line, 0) ? 3 : 0; // a byte order mark, as KaggleReader.withoutBom
    try (JsonParser p = JSON.createParser(line, start, line.length - start)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return null;
      }
      boolean idNotString = false;
      if (first == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          boolean isId = "id".equals(p.currentName());
          JsonToken value = p.nextToken();
          if (isId && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
            idNotString = true;
          }
          p.skipChildren();
        }
      } else {
        p.skipChildren();
      }
      if (p.nextToken() != null) {
        return TRAILING;
      }
      if (line.length > MAX_STRING_LENGTH && hasTooLongString(line, start)) {
        return TOO_LARGE;
      }
      return idNotString ? ID_NOT_STRING : null;
    } catch (StreamConstraintsException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("nesting depth") ? TOO_DEEP : m.contains("Number") ? NUMBER_TOO_LONG : TOO_LARGE;
    } catch (IOException e) {
      return TRAILING; // not JSON after the first value (or not JSON at all: Spark says so first)
    }
  }
}
