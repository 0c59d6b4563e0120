package io.convosql.core.http;

/**
 * Implemented by the {@link Cancellation} a caller passes with a request when it may ask for a fresh
 * answer: when {@link #bypassCache()} is true the request goes to the API even if the cache holds an
 * answer (and the fresh answer replaces it), as HTTP's {@code Cache-Control: no-cache} does.
 */
public interface CacheControl {
  /** Whether this request must not be answered from the cache. */
  boolean bypassCache();

  /** A cancellation that also bypasses the cache. */
  static Cancellation bypassing(Cancellation cancellation) {
    final class Bypassing implements Cancellation, CacheControl {
      @Override
      public void check() {
        cancellation.check();
      }

      @Override
      public boolean bypassCache() {
        return true;
      }
    }
    return new Bypassing();
  }

  /** Whether a request made with this cancellation must bypass the cache. */
  static boolean bypasses(Cancellation cancellation) {
    return cancellation instanceof CacheControl c && c.bypassCache();
  }
}
