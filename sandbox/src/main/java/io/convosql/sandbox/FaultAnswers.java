package io.convosql.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * How each {@link FaultKind} shows on the wire. The error statuses answer as their usual senders
 * do: 429 and 503 as the API (a JSON error in its own shape), 502 and 504 as a proxy (a small HTML
 * page). The cuts close the connection: the JDK server drops a connection whose exchange is closed
 * before its headers are sent, or before its declared length is written; the cut methods then
 * return an exception for the handler to throw, so the server also forgets the connection.
 */
final class FaultAnswers {
  private static final byte[] FILLER = filler();

  private FaultAnswers() {}

  /** Writes the error answer of a fault that is not a cut. */
  static void error(HttpExchange exchange, String api, FaultKind kind, Faults faults)
      throws IOException {
    int status = kind.status();
    switch (kind) {
      case TOO_MANY_REQUESTS -> tooManyRequests(exchange, api, faults.retryAfter());
      case UNAVAILABLE ->
          Exchanges.sendJson(exchange, status, apiError(api, "Service unavailable"));
      case BAD_GATEWAY -> proxyPage(exchange, status, "Bad Gateway");
      case GATEWAY_TIMEOUT -> proxyPage(exchange, status, "Gateway Timeout");
      default -> throw new IllegalArgumentException("not an error answer: " + kind);
    }
  }

  /** Answers 429 with the API's error and a {@code Retry-After}. */
  static void tooManyRequests(HttpExchange exchange, String api, String retryAfter)
      throws IOException {
    exchange.getResponseHeaders().set("Retry-After", retryAfter);
    Exchanges.sendJson(exchange, 429, apiError(api, "Too many requests"));
  }

  /** Closes the connection before any byte of an answer; returns the exception to throw. */
  static IOException cutBeforeAnswer(HttpExchange exchange) {
    exchange.close();
    return new IOException("sandbox fault: connection cut before the answer");
  }

  /**
   * Sends a 200 with the held answer's headers and length (or, when the handler did not answer 200
   * with a body, a JSON filler's), only half of the body, and closes the connection; returns the
   * exception to throw.
   */
  static IOException cutMidBody(HttpExchange exchange, HeldExchange held) throws IOException {
    byte[] body = held.status() == 200 && held.body().length >= 2 ? held.body() : null;
    if (body == null) {
      exchange.getResponseHeaders().clear();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      body = FILLER;
    }
    exchange.sendResponseHeaders(200, body.length);
    OutputStream out = exchange.getResponseBody();
    out.write(body, 0, body.length / 2);
    out.flush();
    exchange.close();
    return new IOException("sandbox fault: connection cut mid-body");
  }

  private static String apiError(String api, String message) {
    return switch (api) {
      case "pathsim" -> "{\"success\":false,\"error\":\"" + message + "\"}";
      case "insights" -> "{\"detail\":\"" + message + "\"}";
      default -> "{\"error\":\"" + message + "\"}";
    };
  }

  private static void proxyPage(HttpExchange exchange, int status, String reason)
      throws IOException {
    String title = status + " " + reason;
    String page = "<html><head><title>" + title + "</title></head><body><h1>" + title
        + "</h1></body></html>\n";
    Exchanges.send(exchange, status, "text/html", page.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] filler() {
    StringBuilder b = new StringBuilder("{\"success\":true,\"data\":[");
    for (int i = 0; i < 32; i++) {
      b.append(i == 0 ? "" : ",").append("{\"sandbox\":\"a body the connection is cut in\"}");
    }
    return b.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
