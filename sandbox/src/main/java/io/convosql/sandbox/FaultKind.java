package io.convosql.sandbox;

/**
 * A transient failure the sandbox can inject in place of an answer (see {@link Faults}): four error
 * statuses a gateway or a busy API sends, and two ways a connection breaks.
 */
public enum FaultKind {
  /** 429 with a {@code Retry-After} header, in seconds or as an HTTP-date (see {@link Faults}). */
  TOO_MANY_REQUESTS(429),
  /** 503, as an overloaded API answers. */
  UNAVAILABLE(503),
  /** 502, as a proxy answers when the API behind it fails. */
  BAD_GATEWAY(502),
  /** 504, as a proxy answers when the API behind it is too slow. */
  GATEWAY_TIMEOUT(504),
  /** The connection is closed without a single byte of answer. */
  CUT_BEFORE_ANSWER(0),
  /**
   * A 200 with its headers and a {@code Content-Length}, then only half of the body, then the
   * connection is closed.
   */
  CUT_MID_BODY(0);

  private final int status;

  FaultKind(int status) {
    this.status = status;
  }

  /** The status this fault answers, as the request log records it: 0 for a cut connection. */
  public int status() {
    return status;
  }

  /** Whether this fault breaks the connection instead of answering an error status. */
  public boolean cut() {
    return status == 0;
  }
}
