package org.arxivdigest.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;
import static org.arxivdigest.schema.Columns.*;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.arxivdigest.normalize.Authors;
import org.arxivdigest.normalize.Ids;
import org.arxivdigest.normalize.Text;
import org.arxivdigest.normalize.Versions;
import org.arxivdigest.schema.Schemas;

/**
 * arXiv API Atom entries ({@code export.arxiv.org/api/query} responses, the 2016 and the 2026 backends) to the
 * normalized record. An entry knows two versions: v1 ({@code published}) and the one its id names ({@code
 * updated}: {@code …/abs/2401.00001v3} is v3); the versions between are not invented and the paper is marked
 * incomplete. The API's error entries ({@code …/api/errors#…}) are not records: the file's kind says the error.
 * Atom has no submitter, report-no or licence; {@code update_date} is the day of {@code updated}.
 */
public final class AtomRecords {
  private AtomRecords() {}

  /** One row per {@code <entry>} that is not an API error, with its file and split start. */
  public static Dataset<Row> read(SparkSession spark, XmlReader.Files files) {
    Dataset<Row> entries = XmlReader.read(spark, "entry", Schemas.ATOM_ENTRY, files);
    return entries.filter(not(coalesce(col("id").rlike("\\A\\s*https?://arxiv\\.org/api/errors"), lit(false))));
  }

  private static final String ABS = "\\A\\s*https?://(?:export\\.)?arxiv\\.org/abs/";

  public static Dataset<Row> normalize(Dataset<Row> entries) {
    Column idText = col("id");
    Column latest = regexp_extract(idText, "v([0-9]{1,6})\\s*\\z", 1).try_cast("int");
    Column published = Versions.parseInstant(col("published"));
    Column updated = Versions.parseInstant(col("updated"));
    Column parsedAuthors = filter(transform(col("author"), a -> Authors.parseName(Text.collapse(a.getField("name")))),
        Column::isNotNull);
    Column categories = concat(array(col("arxiv:primary_category").getField("_term")),
        transform(coalesce(col("category"), array().cast("array<struct<_term:string>>")), c -> c.getField("_term")));
    Column rawId = when(idText.rlike(ABS), regexp_extract(idText, ABS + "(.+?)\\s*\\z", 1));

    Dataset<Row> fields = entries.select(
        Ids.normalize(rawId).as(ID),
        lit(null).cast("string").as(SUBMITTER),
        Authors.joined(parsedAuthors).as(AUTHORS),
        parsedAuthors.as(AUTHORS_PARSED),
        Text.collapse(col("title")).as(TITLE),
        Text.collapse(col("summary")).as(ABSTRACT),
        Text.collapse(col("arxiv:comment").getField("_VALUE")).as(COMMENTS),
        Text.collapse(col("arxiv:journal_ref").getField("_VALUE")).as(JOURNAL_REF),
        Text.collapse(col("arxiv:doi").getField("_VALUE")).as(DOI),
        lit(null).cast("string").as(REPORT_NO),
        lit(null).cast("string").as(LICENSE),
        array_distinct(filter(transform(categories, Text::collapse), Column::isNotNull)).as(CATEGORIES),
        to_date(updated).as(UPDATE_DATE),
        Versions.firstAndLatest(published, latest, updated).as(VERSIONS),
        col(SOURCE_FILE),
        col(SOURCE_BLOCK),
        lit(SourceKind.ATOM.code).as(SOURCE),
        rawId.as(Records.RAW_ID_COPY),
        latest.isNull().and(coalesce(updated.notEqual(published), lit(false))).as(Records.MORE_VERSIONS),
        struct(Arrays.stream(Schemas.ATOM_ENTRY.fields()).map(StructField::name)
            .filter(n -> !n.equals(CORRUPT_RECORD)).map(n -> col("`" + n + "`")).toArray(Column[]::new)).as(ENTRY),
        col(CORRUPT_RECORD));
    Column formatReason = when(col(CORRUPT_RECORD).isNotNull(), Records.code(QuarantineReason.MALFORMED_XML))
        .otherwise(Records.decodingReason());
    // An entry read whole but failing a rule: its fields as JSON (Spark's XML writer refuses prefixed names, such
    // as arxiv:primary_category).
    Column rawXml = coalesce(col(CORRUPT_RECORD), to_json(col(ENTRY)));
    return Records.finish(fields, formatReason, rawXml, ENTRY, CORRUPT_RECORD);
  }

  private static final String ENTRY = "_entry";
}
