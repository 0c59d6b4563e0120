package io.convosql.sandbox.insights;

/** A request the API refuses with 401 and a {@code detail} message, as it does for invalid parameters. */
final class InvalidRequest extends RuntimeException {
  InvalidRequest(String detail) {
    super(detail, null, false, false);
  }
}
