package io.convosql.driver;

import java.net.IDN;
import java.util.UUID;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;

/**
 * Builds, on a daemon thread started by the driver's class initialization, what every connection
 * needs and no property configures: Avatica's protocol descriptors (each connection's
 * {@code MetaImpl} holds a {@link ConnectionPropertiesImpl}, whose class initialization parses
 * protobuf descriptors: about a third of a bare Calcite connection's CPU), the JDK's
 * {@code SecureRandom} behind the connection's id ({@link UUID#randomUUID}), the JDK's IDN tables
 * (OkHttp reads the API URLs' host names through them) and the proxy class of the driver's
 * connections ({@link Proxies}). A
 * {@code getConnection} soon after finds them ready; one at the same time reaches them only after
 * parsing its properties and building its type factory, so the two threads overlap, and it waits
 * for the same class initialization rather than repeating it.
 */
final class ConnectionPrelude {
  /** The class of a Calcite connection, which the driver's connections are proxies of. */
  static final String CALCITE_CONNECTION =
      "org.apache.calcite.jdbc.CalciteJdbc41Factory$CalciteJdbc41Connection";

  private ConnectionPrelude() {}

  /** Starts the thread; returns at once. */
  static void startInBackground() {
    Thread t = new Thread(ConnectionPrelude::run, "convosql-connection-prelude");
    t.setDaemon(true); // never keeps a JVM alive
    t.start();
  }

  /** Builds them; never throws (a failure here only leaves the work to the first connection). */
  static void run() {
    try {
      new ConnectionPropertiesImpl();
      UUID.randomUUID();
      IDN.toASCII("localhost");
      Proxies.prepare(Class.forName(CALCITE_CONNECTION, false,
          ConnectionPrelude.class.getClassLoader())); // loaded, not initialized
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // the first connection meets the same error itself and reports it
    }
  }
}
