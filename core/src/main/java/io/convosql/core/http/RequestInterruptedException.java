package io.convosql.core.http;

/** Thrown when the thread waiting for an API answer is interrupted; the call in flight is cancelled. */
public final class RequestInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RequestInterruptedException() {
    super("interrupted while waiting for an API answer");
  }
}
