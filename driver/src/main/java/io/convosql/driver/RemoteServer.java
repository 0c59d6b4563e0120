package io.convosql.driver;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An Avatica HTTP server over convosql connections: BI tools connect with Avatica's remote driver
 * while the API keys stay on the server. Every request needs HTTP BASIC authentication against a
 * users file; TLS is optional; the server listens on one address (loopback unless told otherwise).
 */
final class RemoteServer implements AutoCloseable {
  /** Jetty's "any authenticated user" role: the users file need not give roles. */
  private static final String[] ANY_USER = {"**"};

  private final HttpServer server;

  private RemoteServer(HttpServer server) {
    this.server = server;
  }

  /**
   * The server's settings; {@code keystore} null for plain HTTP; {@code queryTimeoutSeconds} the query
   * timeout of every statement (0 for none).
   */
  record Options(String host, int port, Path users, Properties connectionProperties,
      Driver.Serialization serialization, @Nullable Path keystore, @Nullable String keystorePassword,
      int queryTimeoutSeconds) {}

  /** Starts a server; the connection properties are checked first by opening one connection. */
  static RemoteServer start(Options o) throws SQLException {
    try (java.sql.Connection probe = new ConvoSqlDriver().connect(ConvoSqlDriver.PREFIX,
        o.connectionProperties())) {
      // fails here, with the driver's message, rather than on the first client
    }
    ServerMeta meta = new ServerMeta(o.connectionProperties(), o.queryTimeoutSeconds());
    HttpServer.Builder<Server> builder = HttpServer.Builder.<Server>newBuilder()
        .withHandler(new LocalService(meta), o.serialization())
        .withPort(o.port())
        .withBasicAuthentication(o.users().toString(), ANY_USER)
        .withServerCustomizers(List.of(bindTo(o.host())), Server.class);
    if (o.keystore() != null) {
      String password = o.keystorePassword() == null ? "" : o.keystorePassword();
      builder.withTLS(o.keystore().toFile(), password, o.keystore().toFile(), password);
    }
    HttpServer server = builder.build();
    server.start();
    return new RemoteServer(server);
  }

  private static ServerCustomizer<Server> bindTo(String host) {
    return server -> {
      for (Connector c : server.getConnectors()) {
        if (c instanceof ServerConnector) {
          ((ServerConnector) c).setHost(host);
        }
      }
    };
  }

  int port() {
    return server.getPort();
  }

  /** Waits until the server stops. */
  void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    server.stop();
  }
}
