package io.convosql.driver;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.apache.calcite.avatica.remote.Driver;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code java -jar convosql-jdbc.jar serve ...}: parses the options of the remote server and starts
 * it. The users file is required; the connection properties (keys, URLs) come from a properties file,
 * the environment or the credentials file, as for any convosql connection.
 */
final class ServeCommand {
  static final int DEFAULT_PORT = 8765;
  static final String DEFAULT_HOST = "127.0.0.1";
  /**
   * The query timeout of every statement the server runs, in seconds: Avatica's protocol does not
   * carry a client's {@code setQueryTimeout}, so the server enforces its own. Five minutes: longer
   * than any query of the benchmark suite by far, short enough that a forgotten query stops.
   */
  static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 300;
  /** The environment variable holding the keystore's password (never an argument: ps shows those). */
  static final String KEYSTORE_PASSWORD_ENV = "CONVOSQL_KEYSTORE_PASSWORD";

  private ServeCommand() {}

  /** The server's options from the arguments after {@code serve}; an IllegalArgumentException for bad ones. */
  static RemoteServer.Options parse(String[] args, Function<String, String> env) throws SQLException {
    String host = DEFAULT_HOST;
    int port = DEFAULT_PORT;
    int queryTimeout = DEFAULT_QUERY_TIMEOUT_SECONDS;
    Path users = null;
    Path keystore = null;
    Properties props = new Properties();
    Driver.Serialization serialization = Driver.Serialization.PROTOBUF;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--demo")) {
        props.setProperty(ConvoSqlProperty.DEMO.propertyName(), "true");
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Unknown option or missing value: " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--host":
          host = v;
          break;
        case "--port":
          port = port(v);
          break;
        case "--query-timeout":
          queryTimeout = seconds(v);
          break;
        case "--users":
          users = Path.of(v);
          break;
        case "--properties":
          props.putAll(Credentials.readPrivate(existing(Path.of(v), "--properties"),
              "connection properties file"));
          break;
        case "--keystore":
          keystore = existing(Path.of(v), "--keystore");
          break;
        case "--serialization":
          serialization = Driver.Serialization.valueOf(v.toUpperCase(Locale.ROOT));
          break;
        default:
          throw new IllegalArgumentException("Unknown option: " + a);
      }
    }
    if (users == null) {
      throw new IllegalArgumentException("The server needs --users FILE: the users who may connect, one"
          + " 'name: password' per line (Jetty's HashLoginService format). It never runs without"
          + " authentication.");
    }
    existing(users, "--users");
    String password = env.apply(KEYSTORE_PASSWORD_ENV);
    return new RemoteServer.Options(host, port, users, props, serialization, keystore, password,
        queryTimeout);
  }

  private static int port(String v) {
    try {
      int p = Integer.parseInt(v.trim());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException("--port must be a port number (0 to 65535), not '" + v + "'");
  }

  private static int seconds(String v) {
    try {
      int s = Integer.parseInt(v.trim());
      if (s >= 0) {
        return s;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    throw new IllegalArgumentException("--query-timeout must be a whole number of seconds (0 for none),"
        + " not '" + v + "'");
  }

  private static Path existing(Path p, String option) {
    if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
      throw new IllegalArgumentException(option + ": no readable file " + p);
    }
    return p;
  }

  /** Runs the server until the process ends; the exit status when it cannot start. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.println(usage());
      return 0;
    }
    Start start = start(args, out, err);
    RemoteServer server = start.server();
    if (server == null) {
      return start.status();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "convosql-serve-stop"));
    try {
      server.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** A started server, or null and the exit status of one that could not start. */
  record Start(@Nullable RemoteServer server, int status) {}

  /**
   * Starts the server from these options: prints its ready line on {@code out}, then starts the
   * warm-up; or says on {@code err} why it cannot start.
   */
  static Start start(String[] args, PrintStream out, PrintStream err) {
    RemoteServer server;
    RemoteServer.Options o;
    Warmup.defer(); // it would only slow the start-up: it runs once the server listens
    try {
      o = parse(args, System::getenv);
      server = RemoteServer.start(o);
    } catch (IllegalArgumentException e) {
      err.println("convosql serve: " + e.getMessage());
      err.println(usage());
      return new Start(null, 2);
    } catch (SQLException | RuntimeException e) {
      err.println("convosql serve: cannot start: " + message(e));
      return new Start(null, 1);
    }
    out.println("convosql server on " + (o.keystore() == null ? "http" : "https") + "://" + o.host() + ":"
        + server.port() + " (" + o.serialization().name().toLowerCase(Locale.ROOT)
        + ", BASIC authentication, users from " + o.users() + ")");
    out.flush();
    Warmup.start(); // a first client's query then finds Calcite's classes loaded ...
    if (Boolean.parseBoolean(o.connectionProperties().getProperty(ConvoSqlProperty.DEMO.propertyName()))) {
      Warmup.demoDataInBackground(); // ... and PathSim's demo data made
    }
    return new Start(server, 0);
  }

  private static String message(Throwable e) {
    @Nullable Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getName() : t.getMessage();
  }

  static String usage() {
    return String.join(System.lineSeparator(),
        "  java -jar convosql-jdbc.jar serve --users users.properties [options]",
        "",
        "  --users FILE       users who may connect, 'name: password' per line (required)",
        "  --properties FILE  the server's connection properties (keys, URLs), chmod 600",
        "  --demo             serve the built-in sandbox",
        "  --host ADDRESS     address to listen on (default " + DEFAULT_HOST + ", loopback only)",
        "  --port N           port (default " + DEFAULT_PORT + ")",
        "  --keystore FILE    serve HTTPS with this keystore; its password in " + KEYSTORE_PASSWORD_ENV,
        "  --serialization S  protobuf (default) or json",
        "  --query-timeout N  seconds a statement may run (default " + DEFAULT_QUERY_TIMEOUT_SECONDS
            + ", 0 for none); clients' setQueryTimeout does not reach the server",
        "",
        "Keys may also come from PATHSIM_API_KEY, INSIGHTS_API_KEY or ~/.convosql/credentials.");
  }
}
