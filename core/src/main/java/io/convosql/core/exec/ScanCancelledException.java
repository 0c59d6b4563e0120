package io.convosql.core.exec;

/** Thrown inside a scan when its statement is cancelled or times out, so paging stops. */
public final class ScanCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScanCancelledException(String message) {
    super(message);
  }
}
