package io.convosql.sandbox.pathsim;

/** A request the API rejects with status 400; the message is the {@code error} it answers with. */
final class BadRequest extends Exception {
  BadRequest(String message) {
    super(message, null, false, false);
  }

  /** The API's message for a parameter whose value it does not accept. */
  static BadRequest invalid(String name, String value) {
    return new BadRequest("Invalid value for " + name + ": " + value);
  }
}
