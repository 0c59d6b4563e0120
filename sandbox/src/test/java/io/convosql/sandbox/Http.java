package io.convosql.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP clients for the fault tests: the JDK's client, and raw HTTP/1.1 over a socket. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final Sandbox sandbox;

  Http(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  /** A request below the PathSim root with the right key; IOExceptions are thrown as they come. */
  HttpResponse<byte[]> pathSim(String method, String pathAndQuery) throws IOException {
    return send(method, sandbox.pathSimUrl() + pathAndQuery, "Authorization",
        "Bearer " + Sandbox.PATHSIM_KEY);
  }

  /** A request below the Insights root with the right key. */
  HttpResponse<byte[]> insights(String method, String pathAndQuery) throws IOException {
    return send(method, sandbox.insightsUrl() + pathAndQuery, "X-Vgai-Key", Sandbox.INSIGHTS_KEY);
  }

  /** A request without a body, with header name/value pairs. */
  HttpResponse<byte[]> send(String method, String url, String... headers) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET below the PathSim root that must succeed; returns its status. */
  int pathSimStatus(String pathAndQuery) {
    try {
      return pathSim("GET", pathAndQuery).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends one raw GET with the PathSim key on a new connection and returns every byte the server
   * sends until it closes the connection (or the timeout passes, which fails).
   */
  byte[] rawPathSimGet(String pathAndQuery) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.port())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String request = "GET /pathsim/v1" + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
          + "Authorization: Bearer " + Sandbox.PATHSIM_KEY + "\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
      return all.toByteArray();
    }
  }
}
