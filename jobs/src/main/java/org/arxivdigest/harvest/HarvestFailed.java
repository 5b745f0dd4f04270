package org.arxivdigest.harvest;

/** A harvest that cannot go on: an OAI-PMH error, an HTTP status that is not retried, retries spent. */
public class HarvestFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarvestFailed(String message) {
    super(message);
  }
}
