package org.arxivdigest.core;

/** A problem with what the user asked for (a path, a flag, a config file): exit code 2, one line. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
