package io.convosql.driver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A careless API on loopback that echoes every request header, keys included, in its answers: the
 * first path segment picks the answer, {@code /400/…} a JSON error, {@code /401/…} an
 * Insights-style 401 detail, {@code /500/…} an HTML error page and {@code /200/…} a body that is
 * not JSON. A driver must keep all of that out of what it shows.
 */
final class EchoServer implements AutoCloseable {
  private final HttpServer server;

  EchoServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  /** The root URL whose requests get the given status: {@code http://127.0.0.1:port/400}. */
  String url(int status) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + status;
  }

  private void answer(HttpExchange exchange) throws IOException {
    StringBuilder echo = new StringBuilder(exchange.getRequestMethod()).append(' ')
        .append(exchange.getRequestURI());
    for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
      echo.append("; ").append(h.getKey()).append(": ").append(String.join(", ", h.getValue()));
    }
    String e = echo.toString().replace("\"", "'");
    String path = exchange.getRequestURI().getPath();
    int status = Integer.parseInt(path.substring(1, path.indexOf('/', 1)));
    String body = switch (status) {
      case 400 -> "{\"success\":false,\"error\":\"malformed request " + e + "\"}";
      case 401 -> "{\"detail\":\"Invalid or missing credentials for " + e + "\"}";
      case 500 -> "<html><body><h1>500</h1><pre>" + e + "</pre></body></html>";
      default -> e + " is all you get";
    };
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders()
        .set("Content-Type", status == 500 ? "text/html" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
