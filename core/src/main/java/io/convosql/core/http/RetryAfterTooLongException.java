package io.convosql.core.http;

import java.time.Duration;

/** The server asked to wait longer (Retry-After) than the request's retry budget has left. */
final class RetryAfterTooLongException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Duration asked;
  private final int status;

  RetryAfterTooLongException(Duration asked, int status) {
    super("Retry-After asks for " + asked.toSeconds() + " s", null, false, false);
    this.asked = asked;
    this.status = status;
  }

  Duration asked() {
    return asked;
  }

  int status() {
    return status;
  }
}
