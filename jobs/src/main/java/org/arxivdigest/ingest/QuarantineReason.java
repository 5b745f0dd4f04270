package org.arxivdigest.ingest;

/** Why a line of input was not used. The code is what the quarantine dataset and the run summary show. */
public enum QuarantineReason {
  INVALID_UTF8("invalid_utf8"),
  MALFORMED_JSON("malformed_json"),
  /** An XML record (OAI-PMH {@code <record>}, Atom {@code <entry>}) that is not well-formed, or cut short. */
  MALFORMED_XML("malformed_xml"),
  WRONG_TYPE("wrong_type"),
  MISSING_ID("missing_id"),
  INVALID_ID("invalid_id"),
  MISSING_TITLE("missing_title"),
  NO_VERSIONS("no_versions"),
  BAD_VERSION_DATE("bad_version_date"),
  BAD_VERSION_LABEL("bad_version_label"),
  /** Valid JSON with a string longer than the JSON parser takes (20,000,000 characters). */
  RECORD_TOO_LARGE("record_too_large"),
  /** Valid JSON nested deeper than the JSON parser takes (1,000 levels). */
  TOO_DEEPLY_NESTED("too_deeply_nested"),
  /** Valid JSON with a number longer than the JSON parser takes (1,000 digits). */
  NUMBER_TOO_LONG("number_too_long");

  public final String code;

  QuarantineReason(String code) {
    this.code = code;
  }
}
