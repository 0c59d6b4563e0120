package io.convosql.core.http;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Which API origins (scheme, host and port) have answered in this JVM, and what that says of a
 * connection that could not be made. Before an origin has ever answered, a refused connection (or
 * no route to its host) almost always means a wrong URL or a service not started: retrying it for
 * the whole retry budget, made for faults of a live service, kept a mistyped port waiting a minute
 * and a half. So such a request stops retrying once {@link HttpSettings#connectRetry} has passed.
 * Once the origin has answered any request of any connection of the JVM, a refusal means it is
 * restarting, and it is retried like any broken connection.
 */
final class FirstContact {
  private static final Set<String> ANSWERED = ConcurrentHashMap.newKeySet();

  private FirstContact() {}

  /** Notes that something at this URL's origin answered (any status). */
  static void answered(HttpUrl url) {
    ANSWERED.add(origin(url));
  }

  /** Whether anything at this URL's origin has answered in this JVM. */
  static boolean hasAnswered(HttpUrl url) {
    return ANSWERED.contains(origin(url));
  }

  /** Forgets that this URL's origin answered, for tests. */
  static void forget(HttpUrl url) {
    ANSWERED.remove(origin(url));
  }

  private static String origin(HttpUrl url) {
    return url.scheme() + "://" + url.host() + ":" + url.port();
  }

  /** A connection that was never made: refused, or no route to the host. */
  static boolean notConnected(@Nullable Throwable failure) {
    return failure instanceof ConnectException || failure instanceof NoRouteToHostException;
  }

  /**
   * Fails with {@link NothingAnswers} when the last attempt could not connect to an origin that has
   * never answered and the next attempt would start after {@code settings.connectRetry()} from the
   * first.
   */
  static void check(HttpUrl root, HttpSettings settings, @Nullable Throwable lastFailure,
      Duration nextAttemptAt) {
    if (notConnected(lastFailure) && nextAttemptAt.compareTo(settings.connectRetry()) > 0
        && !hasAnswered(root)) {
      throw new NothingAnswers(root, settings.connectRetry(), lastFailure);
    }
  }

  /** Retrying a connection to an origin that never answered is over. */
  static final class NothingAnswers extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hostAndPort;
    private final Duration retried;

    NothingAnswers(HttpUrl root, Duration retried, Throwable cause) {
      super(cause.getMessage(), cause, false, false);
      this.hostAndPort = root.host() + ":" + root.port();
      this.retried = retried;
    }

    /** Where nothing answered, as {@code host:port}. */
    String hostAndPort() {
      return hostAndPort;
    }

    /** How long refused connections were retried. */
    Duration retried() {
      return retried;
    }
  }
}
