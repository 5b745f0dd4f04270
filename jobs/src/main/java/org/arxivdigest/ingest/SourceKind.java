package org.arxivdigest.ingest;

/**
 * The formats records are read from. The code is what {@code papers.source}, {@code papers.sources}, the run
 * summary and the quarantine show.
 */
public enum SourceKind {
  /** Kaggle's arxiv-metadata-oai-snapshot.json: JSON lines, every version with its date. */
  KAGGLE("kaggle"),
  /** OAI-PMH metadataPrefix=arXivRaw: every version with its date and size, the raw authors string. */
  ARXIV_RAW("arXivRaw"),
  /** OAI-PMH metadataPrefix=arXiv: structured authors, created (v1) and updated dates without version numbers. */
  ARXIV("arXiv"),
  /** OAI-PMH metadataPrefix=oai_dc: Dublin Core; categories as subject names, dates without version numbers. */
  OAI_DC("oai_dc"),
  /** arXiv API (export.arxiv.org/api/query) Atom entries: v1 (published) and the newest version (updated). */
  ATOM("atom");

  public final String code;

  SourceKind(String code) {
    this.code = code;
  }
}
