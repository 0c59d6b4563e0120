package io.convosql.driver;

import java.util.UUID;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;

/**
 * Builds, on a daemon thread started by the driver's class initialization, the two costliest things
 * every Calcite connection initializes and nothing of convosql's configures: Avatica's protocol
 * descriptors (each connection's {@code MetaImpl} holds a {@link ConnectionPropertiesImpl}, whose
 * class initialization parses protobuf descriptors: about a third of a bare Calcite connection's
 * CPU) and the JDK's {@code SecureRandom} behind the connection's id ({@link UUID#randomUUID}). A
 * {@code getConnection} soon after finds them ready; one at the same time reaches them only after
 * parsing its properties and building its type factory, so the two threads overlap, and it waits
 * for the same class initialization rather than repeating it.
 */
final class AvaticaPrelude {
  private AvaticaPrelude() {}

  /** Starts the thread; returns at once. */
  static void startInBackground() {
    Thread t = new Thread(AvaticaPrelude::run, "convosql-connection-prelude");
    t.setDaemon(true); // never keeps a JVM alive
    t.start();
  }

  /** Initializes both; never throws (a failure here only leaves the work to the first connection). */
  static void run() {
    try {
      new ConnectionPropertiesImpl();
      UUID.randomUUID();
    } catch (RuntimeException | LinkageError e) {
      // the first connection meets the same error itself and reports it
    }
  }
}
