package io.convosql.core.http;

import java.util.Objects;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One {@link ApiClient}'s claim on the response cache it shares with the JVM's other clients of the
 * same API, root and key ({@link ResponseCaches}): taken by the first request that reads or empties
 * the cache rather than when the connection opens (a Caffeine cache and the key's keyed hash are
 * work a {@code getConnection} need not wait for), and given back when the client closes.
 */
final class CacheClaim {
  private final ApiSpec spec;
  private final HttpUrl root;
  private final @Nullable String key;
  /** The settings of the cache to take; null when answers are not cached. Guarded by this. */
  private @Nullable CacheSettings settings;
  /** The cache taken, or the caller's own; null until the first use. */
  private volatile @Nullable ResponseCache cache;
  private boolean own;
  private boolean closed;

  CacheClaim(ApiSpec spec, HttpUrl root, @Nullable String key) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.root = Objects.requireNonNull(root, "root");
    this.key = key;
  }

  /** Caches as the settings say from the next use on, giving back a cache taken before. */
  synchronized void use(CacheSettings newSettings) {
    giveBack();
    settings = newSettings.enabled() ? newSettings : null;
  }

  /** Uses the caller's own cache (tests give one with a fake clock), which is never given back. */
  synchronized void useOwn(@Nullable ResponseCache ownCache) {
    giveBack();
    settings = null;
    cache = ownCache;
    own = true;
  }

  /** The cache, taken now if this is its first use; null when answers are not cached or closed. */
  @Nullable ResponseCache get() {
    ResponseCache c = cache;
    if (c != null) {
      return c;
    }
    synchronized (this) {
      if (cache == null && settings != null && !closed) {
        cache = ResponseCaches.acquire(spec, root, key, settings);
        own = false;
      }
      return cache;
    }
  }

  /** Whether a shared cache has been taken (not an own one), for tests. */
  synchronized boolean taken() {
    return cache != null && !own;
  }

  /** Gives the cache back; later uses find none. */
  synchronized void close() {
    closed = true;
    giveBack();
  }

  private void giveBack() {
    ResponseCache c = cache;
    cache = null;
    if (c != null && !own) {
      ResponseCaches.release(c);
    }
    own = false;
  }
}
