package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.arxivdigest.normalize.Authors;
import org.arxivdigest.normalize.Categories;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.normalize.Text;
import org.arxivdigest.normalize.Versions;
import org.arxivdigest.schema.Schemas;

/**
 * OAI-PMH records (arXiv's {@code export.arxiv.org/oai2}: ListRecords and GetRecord pages) of the arXivRaw, arXiv
 * and oai_dc formats, all read in one scan, to the normalized record of every reader. What each format gives:
 * <ul>
 *   <li>arXivRaw: every version with its number and date, the raw authors string (split into authors here);</li>
 *   <li>arXiv: structured authors; {@code created} is v1's date (no time); {@code updated} says that later
 *   versions exist without their numbers, so none is made and the versions are marked incomplete;</li>
 *   <li>oai_dc: the earliest {@code dc:date} is v1's; categories from the subjects that name one (primary: the
 *   first); "Comment: ..." descriptions are the comments; a "doi:" identifier is the DOI; no submitter,
 *   journal-ref, report-no or licence.</li>
 * </ul>
 * The header's datestamp is the record's {@code update_date} (the Kaggle dump's is the same datestamp); a header
 * with {@code status="deleted"} makes a deletion, not a paper.
 */
public final class OaiRecords {
  private OaiRecords() {}

  /** One row per {@code <record>} of the files, with its file and split start. */
  public static Dataset<Row> read(SparkSession spark, XmlReader.Files files) {
    return XmlReader.read(spark, "record", Schemas.OAI_RECORD, files);
  }

  private static final String HEADER = "header";
  private static final String METADATA = "metadata";

  public static Dataset<Row> normalize(Dataset<Row> records) {
    Column header = col(HEADER);
    Column raw = col(METADATA).getField("arXivRaw");
    Column arxiv = col(METADATA).getField("arXiv");
    Column dc = col(METADATA).getField("oai_dc:dc");
    Column authors = arxiv.getField("authors").getField("author");
    Column descriptions = coalesce(dc.getField("dc:description"), array().cast("array<string>"));
    Column comment = try_element_at(filter(descriptions, d -> trim(d).startsWith("Comment:")), lit(1));
    Column dcAbstract = try_element_at(filter(descriptions, d -> trim(d).startsWith("Comment:").unary_$bang()),
        lit(1));
    Column dcDates = coalesce(dc.getField("dc:date"), array().cast("array<string>"));
    Column dcAuthors = transform(coalesce(dc.getField("dc:creator"), array().cast("array<string>")),
        Authors::fromKeynameFirst);
    Column arxivAuthors = transform(authors, a -> array(
        Text.collapse(a.getField("keyname")),
        coalesce(Text.collapse(a.getField("forenames")), lit("")),
        coalesce(Text.collapse(a.getField("suffix")), lit(""))));
    Column parsedAuthors = when(raw.isNotNull(), Authors.parseList(raw.getField("authors")))
        .when(arxiv.isNotNull(), arxivAuthors)
        .when(dc.isNotNull(), dcAuthors);
    Column deleted = coalesce(trim(header.getField("_status")).equalTo(lit("deleted")), lit(false));

    Dataset<Row> fields = records.select(
        Ids.normalize(rawId()).as(ID),
        Text.collapse(raw.getField("submitter")).as(SUBMITTER),
        when(raw.isNotNull(), Text.collapse(raw.getField("authors")))
            .otherwise(Authors.joined(parsedAuthors)).as(AUTHORS),
        parsedAuthors.as(AUTHORS_PARSED),
        Text.collapse(coalesce(raw.getField("title"), arxiv.getField("title"),
            try_element_at(dc.getField("dc:title"), lit(1)))).as(TITLE),
        Text.collapse(coalesce(raw.getField("abstract"), arxiv.getField("abstract"), dcAbstract)).as(ABSTRACT),
        Text.collapse(coalesce(raw.getField("comments"), arxiv.getField("comments"),
            regexp_replace(comment, "\\A\\s*Comment:\\s*", ""))).as(COMMENTS),
        Text.collapse(coalesce(raw.getField("journal-ref"), arxiv.getField("journal-ref"))).as(JOURNAL_REF),
        Text.collapse(coalesce(raw.getField("doi"), arxiv.getField("doi"), regexp_extract(try_element_at(
            filter(dcIdentifiers(), i -> i.rlike("\\A\\s*doi:")), lit(1)), "\\A\\s*doi:\\s*(.*)", 1))).as(DOI),
        Text.collapse(coalesce(raw.getField("report-no"), arxiv.getField("report-no"))).as(REPORT_NO),
        Text.collapse(coalesce(raw.getField("license"), arxiv.getField("license"))).as(LICENSE),
        when(dc.isNotNull(), Categories.fromSubjects(dc.getField("dc:subject")))
            .otherwise(Categories.split(coalesce(raw.getField("categories"), arxiv.getField("categories"))))
            .as(CATEGORIES),
        try_to_date(trim(header.getField("datestamp")), "yyyy-MM-dd").as(UPDATE_DATE),
        when(raw.isNotNull(), Versions.parse(transform(raw.getField("version"), v -> struct(
                v.getField("_version").as(RAW_VERSION_LABEL), v.getField("date").as(RAW_VERSION_CREATED)))))
            .when(arxiv.isNotNull(), Versions.onlyFirst(Versions.parseDate(arxiv.getField("created"))))
            .when(dc.isNotNull().and(size(dcDates).gt(0)),
                Versions.onlyFirst(array_min(transform(dcDates, Versions::parseDate))))
            .as(VERSIONS),
        col(SOURCE_FILE),
        col(SOURCE_BLOCK),
        when(raw.isNotNull(), lit(SourceKind.ARXIV_RAW.code))
            .when(arxiv.isNotNull(), lit(SourceKind.ARXIV.code))
            .when(dc.isNotNull(), lit(SourceKind.OAI_DC.code))
            .otherwise(lit("oai")).as(SOURCE),
        rawId().as(Records.RAW_ID_COPY),
        when(arxiv.isNotNull(), arxiv.getField("updated").isNotNull())
            .when(dc.isNotNull(), size(array_distinct(dcDates)).gt(1))
            .otherwise(lit(false)).as(Records.MORE_VERSIONS),
        deleted.as(DELETED_FLAG),
        col(HEADER),
        col(METADATA),
        col(CORRUPT_RECORD));
    Column formatReason = when(col(CORRUPT_RECORD).isNotNull(), Records.code(QuarantineReason.MALFORMED_XML))
        .when(col(DELETED_FLAG).and(Ids.isValid(col(ID))), lit(Records.DELETED))
        .otherwise(Records.decodingReason());
    // A record read whole but failing a rule: its fields as JSON (Spark's XML writer refuses the prefixed names,
    // such as oai_dc:dc, that the reader keeps).
    Column rawXml = coalesce(col(CORRUPT_RECORD), to_json(struct(col(HEADER), col(METADATA))));
    return Records.finish(fields, formatReason, rawXml, DELETED_FLAG, HEADER, METADATA, CORRUPT_RECORD);
  }

  private static final String DELETED_FLAG = "_deleted";

  /**
   * The id as the record gives it: the metadata's {@code <id>}, oai_dc's abstract-page identifier, else the
   * header's {@code oai:arXiv.org:} identifier (all a deletion has).
   */
  private static Column dcIdentifiers() {
    return coalesce(col(METADATA).getField("oai_dc:dc").getField("dc:identifier"), array().cast("array<string>"));
  }

  private static Column rawId() {
    Column m = col(METADATA);
    Column dcId = try_element_at(filter(dcIdentifiers(), i -> i.rlike("\\A\\s*https?://arxiv\\.org/abs/")),
        lit(1));
    Column header = regexp_extract(col(HEADER).getField("identifier"), "\\A\\s*oai:arXiv\\.org:(.+?)\\s*\\z", 1);
    return coalesce(m.getField("arXivRaw").getField("id"), m.getField("arXiv").getField("id"),
        regexp_extract(dcId, "\\A\\s*https?://arxiv\\.org/abs/(.+?)\\s*\\z", 1),
        when(header.notEqual(lit("")), header));
  }
}
