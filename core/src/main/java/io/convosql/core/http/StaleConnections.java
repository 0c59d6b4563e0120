package io.convosql.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Finds pooled connections that the server (or a load balancer) closed while they sat idle, so a
 * request never fails for that. Before a request goes out on a connection that has been idle for
 * {@link #CHECK_AFTER_IDLE_NANOS} or more, the connection is probed (a read of at most a millisecond
 * that must time out; an end of stream means the server closed it): a closed one fails the request
 * with {@link StaleConnectionException} before a byte of it is sent, so even a DELETE provably never
 * reached the server. A GET that fails on such a connection before any byte of its answer arrived
 * (the server closed it while the request was under way) fails the same way. Either time every idle
 * connection of the pool is dropped with it: they have been idle as long.
 */
final class StaleConnections extends EventListener {
  /** Below this, a connection was just used: servers close idle connections after seconds. */
  static final long CHECK_AFTER_IDLE_NANOS = 100_000_000L;

  private final Map<Connection, Long> releasedAt =
      Collections.synchronizedMap(new WeakHashMap<>());
  private final ConnectionPool pool;

  StaleConnections(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public void connectionReleased(Call call, Connection connection) {
    releasedAt.put(connection, System.nanoTime());
  }

  /** The network interceptor: probes a long-idle connection before using it. */
  Response intercept(Interceptor.Chain chain) throws IOException {
    Connection connection = chain.connection();
    Long released = connection == null ? null : releasedAt.get(connection);
    boolean longIdle = released != null && System.nanoTime() - released >= CHECK_AFTER_IDLE_NANOS;
    if (longIdle && closedByPeer(connection.socket())) {
      throw stale(connection, null);
    }
    try {
      return chain.proceed(chain.request());
    } catch (InterruptedIOException e) {
      throw e; // a timeout: the server has the request and is slow, nothing stale about it
    } catch (IOException e) {
      if (longIdle && chain.request().method().equals("GET")) {
        throw stale(connection, e);
      }
      throw e;
    }
  }

  private StaleConnectionException stale(Connection connection, IOException cause) {
    try {
      connection.socket().close(); // so the pool never hands it out again
    } catch (IOException ignored) {
      // closing a dead socket: nothing to do
    }
    pool.evictAll();
    return new StaleConnectionException(cause);
  }

  /** Whether the peer closed the socket: a read that finds the end of the stream at once. */
  private static boolean closedByPeer(Socket socket) {
    if (socket.isClosed() || socket.isInputShutdown()) {
      return true;
    }
    try {
      int timeout = socket.getSoTimeout();
      try {
        socket.setSoTimeout(1);
        InputStream in = socket.getInputStream();
        in.read(); // the end of the stream, or a byte no request asked for: unusable either way
        return true;
      } finally {
        socket.setSoTimeout(timeout);
      }
    } catch (SocketTimeoutException e) {
      return false; // nothing to read: alive
    } catch (IOException e) {
      return true; // reset or broken
    }
  }

  /** A request failed on a pooled connection the server had closed; it is sent again at once. */
  static final class StaleConnectionException extends IOException {
    private static final long serialVersionUID = 1L;

    StaleConnectionException(IOException cause) {
      super("a pooled connection was closed by the server while idle", cause);
    }
  }
}
