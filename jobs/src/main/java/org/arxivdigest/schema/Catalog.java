package org.arxivdigest.schema;

import static org.arxivdigest.schema.Columns.ID_YEAR;
import static org.arxivdigest.schema.Columns.MONTH;
import static org.arxivdigest.schema.Columns.TOPIC;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * Every dataset the job writes under {@code <output>/datasets/}: its folder name, schema, partition columns and
 * the command that produces it. Paths ({@code OutputLayout.path}), extract names, the "run that command first"
 * message of a missing dataset and the stage stamps' dataset lists all read it from here.
 */
public enum Catalog {
  PAPERS("papers", Schemas.PAPERS, List.of(ID_YEAR), Producer.INGEST),
  VERSIONS("versions", Schemas.VERSIONS_TABLE, List.of(MONTH), Producer.INGEST),
  QUARANTINE("quarantine", Schemas.QUARANTINE, List.of(), Producer.INGEST),
  DELETED("deleted", Schemas.DELETED, List.of(), Producer.INGEST),
  ASSIGNMENTS("assignments", Schemas.ASSIGNMENTS, List.of(TOPIC), Producer.CLASSIFY),
  LISTINGS("listings", Schemas.LISTINGS, List.of(TOPIC, MONTH), Producer.CLASSIFY),
  PREDICTIONS("predictions", Schemas.PREDICTIONS, List.of(), Producer.CLASSIFY),
  MONTHLY_TOPIC_STATS("monthly_topic_stats", Schemas.MONTHLY_TOPIC_STATS, List.of(MONTH), Producer.AGGREGATE),
  MONTHLY_CATEGORY_STATS("monthly_category_stats", Schemas.MONTHLY_CATEGORY_STATS, List.of(MONTH),
      Producer.AGGREGATE),
  TRENDING_TERMS("trending_terms", Schemas.TRENDING_TERMS, List.of(MONTH), Producer.AGGREGATE);

  /** The subcommand that writes a dataset (each also runs within {@code run}). */
  public enum Producer {
    INGEST("ingest"), CLASSIFY("classify"), AGGREGATE("aggregate");

    private final String command;

    Producer(String command) {
      this.command = command;
    }

    public String command() {
      return command;
    }
  }

  private final String folder;
  private final StructType schema;
  private final List<String> partitionColumns;
  private final Producer producer;

  Catalog(String folder, StructType schema, List<String> partitionColumns, Producer producer) {
    this.folder = folder;
    this.schema = schema;
    this.partitionColumns = partitionColumns;
    this.producer = producer;
  }

  /** The folder under {@code datasets/}, also the name of its CSV extract and of its entry in stage stamps. */
  public String folder() {
    return folder;
  }

  public StructType schema() {
    return schema;
  }

  public String[] partitionColumns() {
    return partitionColumns.toArray(String[]::new);
  }

  public Producer producer() {
    return producer;
  }
}
