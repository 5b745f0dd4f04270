package org.arxivdigest.schema;

/**
 * Every column name of the project, written once. Raw names are the Kaggle snapshot's own keys; output names are
 * snake_case so that analysts can use them unquoted in SQL and pandas.
 */
public final class Columns {
  private Columns() {}

  // Kaggle snapshot keys, as in arxiv-metadata-oai-snapshot.json.
  public static final String RAW_ID = "id";
  public static final String RAW_SUBMITTER = "submitter";
  public static final String RAW_AUTHORS = "authors";
  public static final String RAW_TITLE = "title";
  public static final String RAW_COMMENTS = "comments";
  public static final String RAW_JOURNAL_REF = "journal-ref";
  public static final String RAW_DOI = "doi";
  public static final String RAW_REPORT_NO = "report-no";
  public static final String RAW_CATEGORIES = "categories";
  public static final String RAW_LICENSE = "license";
  public static final String RAW_ABSTRACT = "abstract";
  public static final String RAW_VERSIONS = "versions";
  public static final String RAW_VERSION_LABEL = "version";
  public static final String RAW_VERSION_CREATED = "created";
  public static final String RAW_UPDATE_DATE = "update_date";
  public static final String RAW_AUTHORS_PARSED = "authors_parsed";
  public static final String CORRUPT_RECORD = "_corrupt_record";

  // Where a line came from: the text of the line and its position, for quarantine and deterministic tie-breaks.
  public static final String LINE = "value";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_BLOCK = "source_block_start";
  public static final String SOURCE_ROW = "source_row";
  public static final String PARSED = "record";

  // Papers dataset.
  public static final String ID = "id";
  /** The year of the id (papers' partition column). */
  public static final String ID_YEAR = "id_year";
  public static final String SUBMITTER = "submitter";
  public static final String AUTHORS = "authors";
  public static final String AUTHORS_PARSED = "authors_parsed";
  public static final String TITLE = "title";
  public static final String ABSTRACT = "abstract";
  public static final String COMMENTS = "comments";
  public static final String JOURNAL_REF = "journal_ref";
  public static final String DOI = "doi";
  public static final String REPORT_NO = "report_no";
  public static final String LICENSE = "license";
  public static final String CATEGORIES = "categories";
  public static final String PRIMARY_CATEGORY = "primary_category";
  public static final String ARCHIVES = "archives";
  public static final String UPDATE_DATE = "update_date";
  public static final String VERSIONS = "versions";
  public static final String VERSION_COUNT = "version_count";
  public static final String FIRST_VERSION_AT = "first_version_at";
  public static final String LAST_VERSION_AT = "last_version_at";
  /** The format of the record that won (kaggle, arXivRaw, arXiv, oai_dc, atom); see {@code ingest.SourceKind}. */
  public static final String SOURCE = "source";
  /** Every format a paper's records came from, sorted. */
  public static final String SOURCES = "sources";
  /** Whether the paper's versions are 1..N without a gap (a source may know only v1 and the newest). */
  public static final String VERSIONS_COMPLETE = "versions_complete";

  // Deleted dataset: OAI-PMH records whose header says status="deleted".
  public static final String DATESTAMP = "datestamp";

  // Versions dataset (and the fields of the papers' versions array).
  public static final String VERSION = "version";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String SUBMITTED_DATE = "submitted_date";
  public static final String MONTH = "month";

  // Quarantine dataset.
  public static final String RAW_RECORD = "raw_record";
  public static final String REASON = "reason";
  public static final String STAGE = "stage";

  // Assignments: which paper is in which topic, and why.
  public static final String TOPIC = "topic";
  public static final String METHOD = "method";
  public static final String TERM = "term";
  public static final String FIELD = "field";
  public static final String SCORE = "score";

  // Listings: the rows of the digest pages.
  public static final String DATE = "date";
  public static final String LINK = "link";
  public static final String RANK = "rank";
  public static final String WHY = "why";
  public static final String NEW_PAPERS = "new_papers";
  public static final String UPDATED_PAPERS = "updated_papers";
  public static final String VERSIONS_IN_MONTH = "versions";
  public static final String DISTINCT_PAPERS = "distinct_papers";
  public static final String LISTED_ENTRIES = "listed_entries";
  public static final String LISTED_PAPERS = "listed_papers";
  public static final String CATEGORY = "category";
  public static final String ARCHIVE = "archive";
  public static final String NEW_PRIMARY_PAPERS = "new_primary_papers";
  public static final String MONTH_PAPERS = "month_papers";
  /** A trending term as its papers most often write it ("HotpotQA", "multi-hop QA" for "multi hop qa"). */
  public static final String LABEL = "label";
  public static final String PAPERS_WITH_TERM = "papers_with_term";
  public static final String LOG_ODDS_RATIO = "log_odds_ratio";
  public static final String BASELINE_PAPERS_WITH_TERM = "baseline_papers_with_term";
  public static final String BASELINE_PAPERS = "baseline_papers";
  public static final String BASELINE_MONTHS_COL = "baseline_months";
  public static final String PART = "part";
  public static final String PARTS = "parts";
  public static final String ENTRIES = "entries";
  /** A page part's month's top trending terms (rank, term, papers_with_term), or null. */
  public static final String TRENDING = "trending";
  /** Every category the category model predicts for a paper (top class and those above its threshold). */
  public static final String PREDICTED_CATEGORIES = "predicted_categories";

  // Rendered pages.
  public static final String PATH = "path";
  public static final String CONTENT = "content";

  // predictions: declared vs predicted primary category and archive
  public static final String DECLARED_ARCHIVE = "declared_archive";
  public static final String PREDICTED_CATEGORY = "predicted_category";
  public static final String CATEGORY_SCORE = "category_score";
  public static final String DECLARED_CATEGORY_SCORE = "declared_category_score";
  public static final String PREDICTED_ARCHIVE = "predicted_archive";
  public static final String ARCHIVE_SCORE = "archive_score";

  /** Sampled papers with a term in the kept prior of trending terms ({@code _state/term_prior}). */
  public static final String CORPUS_PAPERS = "corpus_papers";
  /** Whether a term of that prior is common: a word in many papers, or two such words. */
  public static final String COMMON = "common";
}
