package org.arxivdigest.cli;

/** A run that failed after it started: its stack trace is in {@code log}, the console gets one line. */
final class RunFailed extends RuntimeException {
  private final String log;

  RunFailed(Throwable cause, String log) {
    super(cause.toString(), cause);
    this.log = log;
  }

  /** Where the stack trace was written; null when it could not be. */
  String log() {
    return log;
  }
}
