package io.convosql.core.http;

import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The fixed facts of one API that its client needs: a display name, the header that carries the key
 * and how the key is written in it, the configuration names a user should check when the key is
 * refused, and optionally how to read a 401/403 answer for APIs that use them for more than a bad key.
 */
public record ApiSpec(String name, String keyHeader, String keyPrefix, String keyHint,
    @Nullable UnauthorizedReader unauthorized) {
  public ApiSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keyHeader, "keyHeader");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(keyHint, "keyHint");
  }

  /** A spec whose 401 and 403 answers all mean that the key was refused. */
  public ApiSpec(String name, String keyHeader, String keyPrefix, String keyHint) {
    this(name, keyHeader, keyPrefix, keyHint, null);
  }

  /** Explains a 401 or 403 answer from the server's own message (already stripped of the key). */
  @FunctionalInterface
  public interface UnauthorizedReader {
    /** What the answer means, or null for the generic "rejected the API key or the request". */
    @Nullable Rejection read(String serverMessage);
  }

  /** The summary, hint and SQLState an {@link ApiException} for a refused request carries. */
  public record Rejection(String summary, String hint, String sqlState) {
    public Rejection {
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(hint, "hint");
      Objects.requireNonNull(sqlState, "sqlState");
    }
  }
}
