package org.arxivdigest.schema;

import static org.arxivdigest.schema.Columns.*;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Every schema of the project. Input is never read with schema inference. */
public final class Schemas {
  private Schemas() {}

  /** The columns of a schema, in its order: selects a dataset into that schema's shape. */
  public static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static final DataType STRING = DataTypes.StringType;
  private static final ArrayType STRINGS = DataTypes.createArrayType(STRING, true);

  /** One line of the Kaggle snapshot, plus the column PERMISSIVE parsing fills when the line is not valid. */
  public static final StructType KAGGLE_RECORD = new StructType()
      .add(RAW_ID, STRING)
      .add(RAW_SUBMITTER, STRING)
      .add(RAW_AUTHORS, STRING)
      .add(RAW_TITLE, STRING)
      .add(RAW_COMMENTS, STRING)
      .add(RAW_JOURNAL_REF, STRING)
      .add(RAW_DOI, STRING)
      .add(RAW_REPORT_NO, STRING)
      .add(RAW_CATEGORIES, STRING)
      .add(RAW_LICENSE, STRING)
      .add(RAW_ABSTRACT, STRING)
      .add(RAW_VERSIONS, DataTypes.createArrayType(new StructType()
          .add(RAW_VERSION_LABEL, STRING)
          .add(RAW_VERSION_CREATED, STRING)))
      .add(RAW_UPDATE_DATE, STRING)
      .add(RAW_AUTHORS_PARSED, DataTypes.createArrayType(STRINGS))
      .add(CORRUPT_RECORD, STRING);

  private static StructType strings(String... names) {
    StructType t = new StructType();
    for (String name : names) {
      t = t.add(name, STRING);
    }
    return t;
  }

  /** The fields arXiv's OAI-PMH arXivRaw and arXiv formats share, named as their elements are. */
  private static final String[] OAI_ARXIV_TEXT = {"id", "title", "categories", "comments", "report-no",
      "journal-ref", "doi", "license", "abstract"};

  /**
   * An OAI-PMH {@code <record>} (ListRecords, GetRecord) of any of the three formats read: its header (with
   * {@code status="deleted"} as {@code _status}) and its metadata, one struct per format, all but one null.
   * Element names are local names, prefixes as arXiv writes them ({@code oai_dc:dc}, {@code dc:title}).
   */
  public static final StructType OAI_RECORD = new StructType()
      .add("header", new StructType()
          .add("identifier", STRING)
          .add("datestamp", STRING)
          .add("setSpec", STRINGS)
          .add("_status", STRING))
      .add("metadata", new StructType()
          .add("arXivRaw", strings(OAI_ARXIV_TEXT)
              .add("submitter", STRING)
              .add("authors", STRING)
              .add("version", DataTypes.createArrayType(strings("_version", "date", "size"))))
          .add("arXiv", strings(OAI_ARXIV_TEXT)
              .add("created", STRING)
              .add("updated", STRING)
              .add("authors", new StructType().add("author", DataTypes.createArrayType(
                  strings("keyname", "forenames", "suffix").add("affiliation", STRINGS)))))
          .add("oai_dc:dc", new StructType()
              .add("dc:title", STRINGS)
              .add("dc:creator", STRINGS)
              .add("dc:subject", STRINGS)
              .add("dc:description", STRINGS)
              .add("dc:date", STRINGS)
              .add("dc:identifier", STRINGS)))
      .add(CORRUPT_RECORD, STRING);

  /** Text of an element that may carry attributes (the 2016 API declares a namespace on each arxiv: element). */
  private static final StructType TEXT_WITH_ATTRIBUTES = strings("_VALUE");

  /** An arXiv API Atom {@code <entry>}, 2016 and 2026 backends alike. */
  public static final StructType ATOM_ENTRY = strings("id", "updated", "published", "title", "summary")
      .add("author", DataTypes.createArrayType(strings("name")))
      .add("arxiv:comment", TEXT_WITH_ATTRIBUTES)
      .add("arxiv:journal_ref", TEXT_WITH_ATTRIBUTES)
      .add("arxiv:doi", TEXT_WITH_ATTRIBUTES)
      .add("arxiv:primary_category", strings("_term"))
      .add("category", DataTypes.createArrayType(strings("_term")))
      .add(CORRUPT_RECORD, STRING);

  /** A version of a paper, as kept in the papers dataset. */
  public static final StructType VERSION_STRUCT = new StructType()
      .add(VERSION, DataTypes.IntegerType, false)
      .add(SUBMITTED_AT, DataTypes.TimestampType, false);

  /** output/datasets/papers: one row per paper, the newest record of each id; partitioned by {@code id_year}. */
  public static final StructType PAPERS = new StructType()
      .add(ID, STRING, false)
      .add(SUBMITTER, STRING)
      .add(AUTHORS, STRING)
      .add(AUTHORS_PARSED, DataTypes.createArrayType(STRINGS))
      .add(TITLE, STRING, false)
      .add(ABSTRACT, STRING)
      .add(COMMENTS, STRING)
      .add(JOURNAL_REF, STRING)
      .add(DOI, STRING)
      .add(REPORT_NO, STRING)
      .add(LICENSE, STRING)
      .add(CATEGORIES, STRINGS, false)
      .add(PRIMARY_CATEGORY, STRING)
      .add(ARCHIVES, STRINGS, false)
      .add(UPDATE_DATE, DataTypes.DateType)
      .add(VERSIONS, DataTypes.createArrayType(VERSION_STRUCT, false), false)
      .add(VERSION_COUNT, DataTypes.IntegerType, false)
      .add(FIRST_VERSION_AT, DataTypes.TimestampType, false)
      .add(LAST_VERSION_AT, DataTypes.TimestampType, false)
      .add(SOURCE_FILE, STRING, false)
      .add(SOURCE, STRING, false)
      .add(SOURCES, STRINGS, false)
      .add(VERSIONS_COMPLETE, DataTypes.BooleanType, false)
      .add(ID_YEAR, DataTypes.IntegerType, false);

  /** output/datasets/deleted: OAI-PMH records whose header says the paper was deleted, with where they stood. */
  public static final StructType DELETED = new StructType()
      .add(ID, STRING, false)
      .add(DATESTAMP, DataTypes.DateType)
      .add(SOURCE_FILE, STRING, false)
      .add(SOURCE_ROW, DataTypes.LongType, false);

  /** output/datasets/versions: one row per paper version, partitioned by {@code month}. */
  public static final StructType VERSIONS_TABLE = new StructType()
      .add(ID, STRING, false)
      .add(VERSION, DataTypes.IntegerType, false)
      .add(SUBMITTED_AT, DataTypes.TimestampType, false)
      .add(SUBMITTED_DATE, DataTypes.DateType, false)
      .add(MONTH, STRING, false);

  /** output/datasets/quarantine: what could not be used, with why. */
  public static final StructType QUARANTINE = new StructType()
      .add(RAW_RECORD, STRING)
      .add(SOURCE_FILE, STRING, false)
      .add(REASON, STRING, false)
      .add(STAGE, STRING, false);

  /** output/datasets/assignments, partitioned by {@code topic}: one row per topic, paper and method. */
  public static final StructType ASSIGNMENTS = new StructType()
      .add(TOPIC, STRING, false)
      .add(ID, STRING, false)
      .add(METHOD, STRING, false)
      .add(TERM, STRING)
      .add(FIELD, STRING)
      .add(SCORE, DataTypes.DoubleType);

  /** output/datasets/listings, partitioned by {@code topic} and {@code month}: the entries of the digest pages. */
  public static final StructType LISTINGS = new StructType()
      .add(TOPIC, STRING, false)
      .add(MONTH, STRING, false)
      .add(ID, STRING, false)
      .add(VERSION, DataTypes.IntegerType, false)
      .add(SUBMITTED_AT, DataTypes.TimestampType, false)
      .add(DATE, DataTypes.DateType, false)
      .add(LINK, STRING, false)
      .add(TITLE, STRING, false)
      .add(ABSTRACT, STRING)
      .add(COMMENTS, STRING)
      .add(PRIMARY_CATEGORY, STRING)
      .add(CATEGORIES, STRINGS, false)
      .add(AUTHORS, STRINGS)
      .add(METHOD, STRING, false)
      .add(TERM, STRING)
      .add(FIELD, STRING)
      .add(SCORE, DataTypes.DoubleType);

  /**
   * output/datasets/predictions (with trained models): per paper its declared primary category and archive, the
   * predicted ones with their probability, and the probability the category model gives the declared category.
   * The columns of a model that was not given are null.
   */
  public static final StructType PREDICTIONS = new StructType()
      .add(ID, STRING, false)
      .add(PRIMARY_CATEGORY, STRING)
      .add(DECLARED_ARCHIVE, STRING)
      .add(PREDICTED_CATEGORY, STRING)
      .add(CATEGORY_SCORE, DataTypes.DoubleType)
      .add(DECLARED_CATEGORY_SCORE, DataTypes.DoubleType)
      .add(PREDICTED_CATEGORIES, DataTypes.createArrayType(STRING, false))
      .add(PREDICTED_ARCHIVE, STRING)
      .add(ARCHIVE_SCORE, DataTypes.DoubleType);

  /** {@code datasets/monthly_topic_stats}, partitioned by month. */
  public static final StructType MONTHLY_TOPIC_STATS = new StructType()
      .add(TOPIC, STRING, false)
      .add(MONTH, STRING, false)
      .add(METHOD, STRING, false)
      .add(NEW_PAPERS, DataTypes.LongType, false)
      .add(UPDATED_PAPERS, DataTypes.LongType, false)
      .add(VERSIONS_IN_MONTH, DataTypes.LongType, false)
      .add(DISTINCT_PAPERS, DataTypes.LongType, false)
      .add(LISTED_ENTRIES, DataTypes.LongType)
      .add(LISTED_PAPERS, DataTypes.LongType);

  /** {@code datasets/monthly_category_stats}, partitioned by month. */
  public static final StructType MONTHLY_CATEGORY_STATS = new StructType()
      .add(CATEGORY, STRING, false)
      .add(ARCHIVE, STRING, false)
      .add(MONTH, STRING, false)
      .add(NEW_PAPERS, DataTypes.LongType, false)
      .add(NEW_PRIMARY_PAPERS, DataTypes.LongType, false)
      .add(VERSIONS_IN_MONTH, DataTypes.LongType, false);

  /** {@code datasets/trending_terms}, partitioned by month. */
  public static final StructType TRENDING_TERMS = new StructType()
      .add(TOPIC, STRING, false)
      .add(MONTH, STRING, false)
      .add(RANK, DataTypes.IntegerType, false)
      .add(TERM, STRING, false)
      // Null in the months a build before labels wrote (shown as the term).
      .add(LABEL, STRING, true)
      .add(SCORE, DataTypes.DoubleType, false)
      .add(LOG_ODDS_RATIO, DataTypes.DoubleType, false)
      .add(PAPERS_WITH_TERM, DataTypes.LongType, false)
      .add(MONTH_PAPERS, DataTypes.LongType, false)
      .add(BASELINE_PAPERS_WITH_TERM, DataTypes.LongType, false)
      .add(BASELINE_PAPERS, DataTypes.LongType, false)
      .add(BASELINE_MONTHS_COL, DataTypes.IntegerType, false);

  /** {@code _state/term_prior}: the papers of the corpus sample with each term. */
  public static final StructType TERM_PRIOR = new StructType()
      .add(TERM, STRING, false)
      .add(CORPUS_PAPERS, DataTypes.LongType, false);

  /** One entry of a page part, in page order; the date is already the page's text, yyyy-MM-dd. */
  public static final StructType PAGE_ENTRY = new StructType()
      .add(RANK, DataTypes.IntegerType, false)
      .add(ID, STRING, false)
      .add(VERSION, DataTypes.IntegerType, false)
      .add(DATE, STRING, false)
      .add(LINK, STRING, false)
      .add(TITLE, STRING, false)
      .add(ABSTRACT, STRING)
      .add(COMMENTS, STRING)
      .add(WHY, STRING)
      .add(PRIMARY_CATEGORY, STRING)
      .add(CATEGORIES, STRINGS)
      .add(AUTHORS, STRINGS);

  /** A page part before rendering: its place and its (at most 100) entries. */
  public static final StructType PAGE_PART = new StructType()
      .add(TOPIC, STRING, false)
      .add(MONTH, STRING, false)
      .add(PART, DataTypes.IntegerType, false)
      .add(PARTS, DataTypes.IntegerType, false)
      .add(ENTRIES, DataTypes.createArrayType(PAGE_ENTRY, false), false);

  /** A rendered file of the site: its path under the site root and its UTF-8 text. */
  public static final StructType SITE_FILE = new StructType()
      .add(TOPIC, STRING, false)
      .add(MONTH, STRING, false)
      .add(PATH, STRING, false)
      .add(CONTENT, STRING, false);
}
