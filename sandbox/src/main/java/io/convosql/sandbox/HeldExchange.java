package io.convosql.sandbox;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;

/**
 * An exchange that holds a handler's answer back: the status and the body are kept in memory until
 * {@link #release()} sends them, so the sandbox can log the request and run its hook before the
 * client sees anything. Response headers are the real exchange's, sent with the status.
 */
final class HeldExchange extends HttpExchange {
  private final HttpExchange real;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();
  private int status = -1;
  private long declaredLength;

  HeldExchange(HttpExchange real) {
    this.real = Objects.requireNonNull(real, "real");
  }

  /** Whether the handler has sent its status. */
  boolean answered() {
    return status >= 0;
  }

  /** The status the handler sent, or -1. */
  int status() {
    return status;
  }

  /** The body written so far. */
  byte[] body() {
    return body.toByteArray();
  }

  /** Forgets a half-made answer (its status, headers and body), to answer again. */
  void discard() {
    status = -1;
    body.reset();
    real.getResponseHeaders().clear();
  }

  /** Sends the held answer on the real exchange and closes it. */
  void release() throws IOException {
    if (declaredLength < 0 || body.size() == 0) {
      real.sendResponseHeaders(status, -1);
    } else {
      real.sendResponseHeaders(status, declaredLength == 0 ? 0 : body.size());
      try (OutputStream out = real.getResponseBody()) {
        body.writeTo(out);
      }
    }
    real.close();
  }

  @Override
  public void sendResponseHeaders(int code, long length) throws IOException {
    if (answered()) {
      throw new IOException("headers already sent");
    }
    this.status = code;
    this.declaredLength = length;
  }

  @Override
  public OutputStream getResponseBody() {
    return body;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  /** Nothing to do: the answer stays held until {@link #release()}. */
  @Override
  public void close() {}

  @Override
  public Headers getRequestHeaders() {
    return real.getRequestHeaders();
  }

  @Override
  public Headers getResponseHeaders() {
    return real.getResponseHeaders();
  }

  @Override
  public URI getRequestURI() {
    return real.getRequestURI();
  }

  @Override
  public String getRequestMethod() {
    return real.getRequestMethod();
  }

  @Override
  public HttpContext getHttpContext() {
    return real.getHttpContext();
  }

  @Override
  public InputStream getRequestBody() {
    return real.getRequestBody();
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return real.getRemoteAddress();
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return real.getLocalAddress();
  }

  @Override
  public String getProtocol() {
    return real.getProtocol();
  }

  @Override
  public Object getAttribute(String name) {
    return real.getAttribute(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    real.setAttribute(name, value);
  }

  @Override
  public void setStreams(InputStream in, OutputStream out) {
    throw new UnsupportedOperationException("the sandbox's exchanges take no filters");
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return real.getPrincipal();
  }
}
