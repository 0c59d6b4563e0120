package io.convosql.core.exec;

import java.util.Iterator;

/**
 * A row stream fed by asynchronous requests: it can send its first request before it is read, so
 * that several streams wait for their answers at once, and closing it cancels what is in flight.
 */
public interface AsyncRows extends Iterator<Object[]>, AutoCloseable {
  /** Sends the first request now if none was sent yet; never waits. */
  void start();

  /** Cancels any request in flight and drops buffered rows; the stream then has no more rows. */
  @Override
  void close();
}
