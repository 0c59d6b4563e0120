package io.convosql.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP relay in front of a server that counts the client connections still open, so a test
 * can see when a client really lets go of its sockets.
 */
final class CountingRelay implements AutoCloseable {
  private final int targetPort;
  private final ServerSocket server;
  private final AtomicInteger open = new AtomicInteger();
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "counting-relay");
    t.setDaemon(true);
    return t;
  });

  CountingRelay(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** Client connections accepted and not yet closed by either side. */
  int openConnections() {
    return open.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.incrementAndGet();
        threads.execute(() -> {
          try {
            pump(client, upstream);
          } finally {
            open.decrementAndGet();
          }
        });
        threads.execute(() -> pump(upstream, client));
      } catch (IOException e) {
        // the relay is closing
      }
    }
  }

  /** Copies bytes until either side ends, then closes both. */
  private static void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (from; to) {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: the connection is over
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    threads.shutdownNow();
  }
}
