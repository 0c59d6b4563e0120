package io.convosql.adapter.insights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads the body of a Delete Session answer with a success status. The API document defines no body
 * for it, so any body is a deletion, unless it says explicitly that the deletion failed, as a service
 * may while answering 200: a flag {@code success}, {@code deleted}, {@code ok} or
 * {@code acknowledged} that is false, a {@code status} of error, failed, failure or fail, an
 * {@code error} that names one (not empty, 0, "none", …; {@link #reportsError}) without a flag that is
 * true, or a bare {@code false}. The user is never told a
 * session was deleted when the service says it was not.
 */
final class DeleteAnswer {
  private static final List<String> FLAGS = List.of("success", "deleted", "ok", "acknowledged");
  private static final Set<String> FAILED = Set.of("error", "failed", "failure", "fail");
  private static final List<String> MESSAGES = List.of("message", "detail", "error", "reason", "msg");

  private DeleteAnswer() {}

  /** A DELETE whose answer, with a success status, says the session was not deleted. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;
    final int status;

    /** @param said the service's own message, or the body when it has none, any key removed */
    Refused(String path, int status, String said) {
      super(said);
      this.path = path;
      this.status = status;
    }
  }

  /** Whether the body reports that the deletion failed. */
  static boolean failed(JsonNode body) {
    if (body.isBoolean() || body.isTextual()) {
      return isFalse(body);
    }
    if (!body.isObject()) {
      return false;
    }
    boolean confirmed = false;
    for (String flag : FLAGS) {
      JsonNode v = body.get(flag);
      if (v != null && isFalse(v)) {
        return true;
      }
      confirmed |= v != null && (v.isBoolean() && v.asBoolean() || "true".equalsIgnoreCase(v.asText()));
    }
    JsonNode status = body.get("status");
    if (status != null && status.isTextual() && FAILED.contains(status.asText().toLowerCase(Locale.ROOT))) {
      return true;
    }
    JsonNode error = body.get("error");
    return !confirmed && error != null && reportsError(error);
  }

  /**
   * Whether an {@code error} value names an error: not null, false, an empty object or list, blank
   * text, the number 0 (the usual code for "no error") or text that says there was none ("0", "false",
   * "none" as Python writes None, "null").
   */
  private static boolean reportsError(JsonNode error) {
    if (error.isNull() || error.isBoolean()) {
      return error.asBoolean();
    }
    if (error.isNumber()) {
      return error.doubleValue() != 0;
    }
    if (error.isTextual()) {
      String text = error.asText().strip().toLowerCase(Locale.ROOT);
      return !text.isEmpty() && !NO_ERROR.contains(text);
    }
    return !error.isContainerNode() || !error.isEmpty();
  }

  private static final Set<String> NO_ERROR = Set.of("0", "false", "none", "null");

  /** The service's message in a failure body ({@code message}, {@code detail}, …), else the body. */
  static String message(JsonNode body) {
    @Nullable String m = text(body);
    JsonNode error = body.path("error");
    if (m == null && error.isObject()) {
      m = text(error);
    }
    return m != null ? m : body.toString();
  }

  private static @Nullable String text(JsonNode node) {
    for (String name : MESSAGES) {
      JsonNode v = node.get(name);
      if (v != null && v.isTextual() && !v.asText().isBlank()) {
        return v.asText();
      }
    }
    return null;
  }

  private static boolean isFalse(JsonNode v) {
    return v.isBoolean() ? !v.asBoolean() : v.isTextual() && "false".equalsIgnoreCase(v.asText().strip());
  }
}
