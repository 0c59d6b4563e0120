package io.convosql.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP front of the sandbox's HTTP server that closes client connections left idle (no
 * request under way, no byte either way) for longer than a keep-alive timeout, silently, as servers
 * and load balancers do: the client learns of it only when it next uses the connection. Each client
 * connection is relayed byte for byte to its own connection to the server.
 */
final class KeepAliveFront implements AutoCloseable {
  private final ServerSocket listener;
  private final int serverPort;
  private final long timeoutNanos;
  private final Set<Relay> relays = ConcurrentHashMap.newKeySet();
  private final AtomicLong idleClosed = new AtomicLong();
  private final AtomicLong opened = new AtomicLong();
  private final ScheduledExecutorService sweeper;

  KeepAliveFront(int serverPort, Duration timeout) throws IOException {
    this.serverPort = serverPort;
    this.timeoutNanos = timeout.toNanos();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "convosql-sandbox-idle"));
    long every = Math.max(1, timeout.toMillis() / 4);
    sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    daemon(this::accept, "convosql-sandbox-front").start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** How many client connections were opened. */
  long opened() {
    return opened.get();
  }

  /** How many client connections were closed for being idle. */
  long idleClosed() {
    return idleClosed.get();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        opened.incrementAndGet();
        Relay relay = new Relay(client, server);
        relays.add(relay);
        daemon(() -> relay.pump(client, server, true), "convosql-sandbox-up").start();
        daemon(() -> relay.pump(server, client, false), "convosql-sandbox-down").start();
      } catch (IOException e) {
        // the listener was closed, or one connection failed to open: go on while open
      }
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Relay r : relays) {
      if (r.closeIfIdle(now, timeoutNanos)) {
        idleClosed.incrementAndGet();
      }
    }
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // closing
    }
    sweeper.shutdownNow();
    relays.forEach(Relay::close);
  }

  /** One client connection and its connection to the server. */
  private final class Relay {
    private final Socket client;
    private final Socket server;
    private long lastActivity = System.nanoTime();
    private boolean awaitingAnswer;
    private boolean closed;

    Relay(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void pump(Socket from, Socket to, boolean request) {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream()) {
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          if (!forward(out, buffer, n, request)) {
            return; // closed as idle: the bytes are dropped, as a closed socket would
          }
        }
      } catch (IOException e) {
        // either side went away
      } finally {
        close();
      }
    }

    /** Forwards bytes unless the connection was closed as idle; a close and a forward never cross. */
    private synchronized boolean forward(OutputStream out, byte[] b, int n, boolean request)
        throws IOException {
      if (closed) {
        return false;
      }
      lastActivity = System.nanoTime();
      awaitingAnswer = request;
      out.write(b, 0, n);
      out.flush();
      return true;
    }

    synchronized boolean closeIfIdle(long now, long timeout) {
      if (closed || awaitingAnswer || now - lastActivity < timeout) {
        return false;
      }
      close();
      return true;
    }

    synchronized void close() {
      closed = true;
      relays.remove(this);
      try {
        client.close();
      } catch (IOException ignored) {
        // closing
      }
      try {
        server.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
