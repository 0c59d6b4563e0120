package io.convosql.core.http;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A failed API call: which API, the method and endpoint path, the HTTP status (0 when no answer came),
 * the server's own message (truncated, with any key removed) and a hint for the user. The driver turns
 * it into an SQLException with {@link #sqlState()}. Never contains an API key.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SERVER_MESSAGE = 300;

  private final String api;
  private final String method;
  private final String path;
  private final int status;
  private final String sqlState;

  public ApiException(String api, String method, String path, int status, String summary,
      @Nullable String serverMessage, String hint, String sqlState, @Nullable Throwable cause) {
    super(format(api, method, path, status, summary, serverMessage, hint), cause);
    this.api = api;
    this.method = method;
    this.path = path;
    this.status = status;
    this.sqlState = sqlState;
  }

  private static String format(String api, String method, String path, int status, String summary,
      @Nullable String serverMessage, String hint) {
    StringBuilder b = new StringBuilder(api).append(" API: ").append(summary)
        .append(" (").append(method).append(' ').append(path);
    if (status > 0) {
      b.append(", HTTP ").append(status);
    }
    b.append(')');
    if (serverMessage != null && !serverMessage.isBlank()) {
      String m = serverMessage.strip();
      b.append(": ").append(m.length() > MAX_SERVER_MESSAGE ? m.substring(0, MAX_SERVER_MESSAGE) + "…" : m);
    }
    char last = b.charAt(b.length() - 1);
    return b.append(last == '.' || last == '!' || last == '?' ? " Hint: " : ". Hint: ").append(hint).toString();
  }

  public String api() {
    return api;
  }

  public String method() {
    return method;
  }

  /** The endpoint path below the API root, e.g. {@code /workspaces/abc/sessions}. */
  public String path() {
    return path;
  }

  /** The HTTP status, or 0 when the server gave no answer. */
  public int status() {
    return status;
  }

  /** The SQLState class that fits: 28000 authentication, 08xxx connection, 22000 data, HY000 other. */
  public String sqlState() {
    return sqlState;
  }
}
