package io.convosql.core.http;

/**
 * Asked while a request waits for its answer: throws (an unchecked exception of the caller's choosing)
 * when the statement was cancelled or its time ran out. The client then cancels the HTTP call in
 * flight and lets that exception through.
 */
@FunctionalInterface
public interface Cancellation {
  /** Never cancelled. */
  Cancellation NONE = () -> { };

  void check();

  /**
   * Called just before a request goes to the network (never for an answer from the cache): throws
   * when the statement may send no more. By default nothing.
   */
  default void beforeSend(String api, String method, String path) {
  }

  /**
   * Called when a request {@link #beforeSend} let through has its answer (any status), never for one
   * cancelled or cut off before an answer came. By default nothing.
   */
  default void answered() {
  }
}
