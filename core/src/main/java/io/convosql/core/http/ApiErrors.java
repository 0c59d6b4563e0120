package io.convosql.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.RateLimitExceededException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong with a request into an {@link ApiException} with a fitting SQLState: 28000
 * for a refused key, 08001 when no connection could be made, 08006 when the service failed or went
 * silent (also after retries), 22000 for an answer that cannot be read, 42000 for a request the API
 * refused as malformed, HY000 otherwise.
 */
final class ApiErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A tag of an HTML error page (a proxy's or server's default), whose markup says nothing to a user. */
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(\\s[^<>]*)?/?>");

  private ApiErrors() {}

  /** What was tried, for a message: empty for one attempt, else their count and outcomes. */
  static String tries(int attempts, String outcomes) {
    if (attempts <= 1) {
      return "";
    }
    return " after " + attempts + " attempts" + (outcomes.isEmpty() ? "" : " (seen: " + outcomes + ")");
  }

  static ApiException httpError(ApiSpec spec, String method, String path, Answer answer,
      String redactedBody, int attempts) {
    return httpError(spec, method, path, answer, redactedBody, tries(attempts, ""));
  }

  /** An error answer; {@code tries} is {@link #tries}'s description of the attempts made. */
  static ApiException httpError(ApiSpec spec, String method, String path, Answer answer,
      String redactedBody, String tries) {
    int status = answer.status();
    String message = serverMessage(redactedBody);
    ApiSpec.Rejection rejection = (status == 401 || status == 403) && spec.unauthorized() != null
        ? spec.unauthorized().read(message) : null;
    if (rejection != null) {
      return new ApiException(spec.name(), method, path, status, rejection.summary(), message,
          rejection.hint(), rejection.sqlState(), null);
    }
    if (status == 401 || status == 403) {
      return new ApiException(spec.name(), method, path, status,
          spec.name() + " rejected the API key or the request", message,
          "check " + spec.keyHint(), "28000", null);
    }
    if (status == 429) {
      return new ApiException(spec.name(), method, path, status, "too many requests" + tries, message,
          "the API's rate limit held through every retry; raise retryBudgetSeconds (and"
              + " retryMaxAttempts), or lower maxConcurrentRequests or requestsPerSecond",
          "08006", null);
    }
    if (status >= 500) {
      return new ApiException(spec.name(), method, path, status, "the service failed" + tries, message,
          tries.isEmpty() ? "the service is failing or busy; try again later"
              : "the service kept failing through every retry; try again later, or raise"
                  + " retryBudgetSeconds (and retryMaxAttempts)", "08006", null);
    }
    if (status == 400 || status == 422) {
      return new ApiException(spec.name(), method, path, status, "the API refused the request", message,
          "a value in the query may be one the API does not accept", "42000", null);
    }
    if (status == 404) { // an endpoint whose 404 means "no such session" is answered before here
      return new ApiException(spec.name(), method, path, status, "the API has no such endpoint", message,
          "check " + spec.name().toLowerCase(Locale.ROOT) + ".url: it must be the API's root, where the"
              + " documented paths begin", "HY000", null);
    }
    return new ApiException(spec.name(), method, path, status, "the request failed", message,
        "the request was refused; check the query's values", "HY000", null);
  }

  /** A request that ended without an answer to judge: I/O, client limits, Retry-After too long. */
  static RuntimeException failure(ApiSpec spec, String method, String path, Throwable cause,
      String tries, UnaryOperator<String> redact) {
    if (cause instanceof RetryAfterTooLongException r) {
      return new ApiException(spec.name(), method, path, r.status(), "the service asked to wait "
          + r.asked().toSeconds() + " s (Retry-After), more than the retry budget has left", null,
          "try later, or raise retryBudgetSeconds", "08006", null);
    }
    if (cause instanceof RateLimitExceededException) {
      return new ApiException(spec.name(), method, path, 0, "the client-side rate limit left no"
          + " permit within the retry budget", null,
          "raise requestsPerSecond or retryBudgetSeconds, or run fewer queries at once", "HY000", null);
    }
    if (cause instanceof AnswerReader.AnswerTooLargeException) {
      return new ApiException(spec.name(), method, path, 200, "the answer is too large",
          cause.getMessage(), "the service sent far more than a page; check the URL", "22000", null);
    }
    if (cause instanceof UnknownHostException) {
      return new ApiException(spec.name(), method, path, 0, "unknown host", redact.apply(cause.getMessage()),
          "check the API URL and DNS", "08001", cause);
    }
    if (cause instanceof SSLException) {
      return new ApiException(spec.name(), method, path, 0, "the TLS connection failed",
          redact.apply(cause.toString()), "check the URL and the server's certificate", "08001", cause);
    }
    if (cause instanceof FirstContact.NothingAnswers n) {
      return new ApiException(spec.name(), method, path, 0, "could not connect" + tries,
          redact.apply(n.getMessage()), "nothing answers at " + n.hostAndPort() + ", and nothing has"
          + " answered there since this JVM started: check the URL's host and port, and that the"
          + " service is running (connectRetrySeconds, " + seconds(n.retried()) + " s here, is how"
          + " long a refused connection is retried)", "08001", n.getCause());
    }
    if (cause instanceof ConnectException) {
      return new ApiException(spec.name(), method, path, 0, "could not connect" + tries,
          redact.apply(cause.getMessage()), "check the URL and the network", "08001", cause);
    }
    if (cause instanceof InterruptedIOException) {
      return new ApiException(spec.name(), method, path, 0, "no answer in time" + tries,
          redact.apply(cause.getMessage()),
          "the service is slow or unreachable; try again or raise readTimeoutSeconds/callTimeoutSeconds",
          "08006", cause);
    }
    if (cause instanceof IOException) {
      return new ApiException(spec.name(), method, path, 0, "the connection failed" + tries,
          redact.apply(cause.toString()), (tries.isEmpty() ? "" : "each retry went out on a live"
          + " connection (pooled ones the server had closed are replaced at once); ")
          + "check the URL and the network; the service may be restarting", "08006", cause);
    }
    if (cause instanceof RuntimeException r) {
      return r;
    }
    return new ApiException(spec.name(), method, path, 0, "the request failed",
        redact.apply(String.valueOf(cause)), "this is a bug in convosql; please report it", "HY000", cause);
  }

  /** A duration in seconds as a user would write it: 2, or 0.4. */
  private static String seconds(java.time.Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? Long.toString(millis / 1000)
        : java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  /** The server's own message: a JSON field error/detail/message if there is one, else the text. */
  static String serverMessage(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      for (String field : new String[] {"error", "detail", "message"}) {
        if (node != null && node.hasNonNull(field)) {
          JsonNode v = node.get(field);
          return v.isTextual() ? v.asText() : v.toString();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the text is the message
    }
    // an HTML page (a proxy's, or a server's default) is its text without the markup
    return HTML_TAG.matcher(body).find() ? HTML_TAG.matcher(body).replaceAll(" ").replaceAll("\\s+", " ").strip()
        : body;
  }

}
