package io.convosql.core.http;

/**
 * Told of every request an {@link ApiClient} finishes, successful or not, on the thread that sent
 * it. Must be quick and must not throw: it runs between a query's pages.
 */
@FunctionalInterface
public interface RequestObserver {
  /** An observer that ignores everything. */
  RequestObserver NONE = record -> {};

  void finished(RequestRecord record);
}
