package org.arxivdigest.cli;

/** 0: done (quarantined records included); 1: the run failed; 2: the command line or its files are unusable. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
}
