package io.convosql.core.http;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The response caches of this JVM, one per API, root URL, key and cache settings: connections that
 * read the same API with the same key share answers (a reporting tool that opens a connection per
 * query still gains), and a write through one of them empties the cache for all. Answers are never
 * shared between keys: a cache is found by a keyed hash of the key (HMAC with a random secret made
 * at start-up), which no one can turn back into the key and which is never shown. A cache no
 * connection has used for longer than its longest lifetime holds nothing alive and is dropped.
 */
public final class ResponseCaches {
  private static final byte[] SECRET = secret();
  private static final Map<Partition, Shared> CACHES = new ConcurrentHashMap<>();

  private ResponseCaches() {}

  /** What makes two connections' caches one. */
  private record Partition(String api, String root, String keyHash, CacheSettings settings) {
    @Override
    public String toString() {
      return api + " " + root; // never the hash of the key
    }
  }

  /** One shared cache and how many clients use it. */
  private static final class Shared {
    final ResponseCache cache;
    int users;
    long idleSince;

    Shared(ResponseCache cache) {
      this.cache = cache;
    }
  }

  /** The cache for this API, root and key; {@link #release} it when the client closes. */
  public static ResponseCache acquire(ApiSpec spec, HttpUrl root, @Nullable String key,
      CacheSettings settings) {
    if (!settings.enabled()) {
      throw new IllegalArgumentException("the cache is off");
    }
    sweep();
    Partition p = new Partition(spec.name(), root.toString(), hash(key), settings);
    Shared shared = CACHES.compute(p, (k, s) -> {
      Shared out = s != null ? s : new Shared(new ResponseCache(settings, Ticker.systemTicker()));
      out.users++;
      return out;
    });
    return shared.cache;
  }

  /** Says that one client no longer uses the cache. */
  public static void release(ResponseCache cache) {
    for (Map.Entry<Partition, Shared> e : CACHES.entrySet()) {
      if (e.getValue().cache == cache) {
        CACHES.computeIfPresent(e.getKey(), (k, s) -> {
          if (--s.users == 0) {
            s.idleSince = System.nanoTime();
            s.cache.cleanUp();
          }
          return s;
        });
      }
    }
  }

  /** Drops caches unused for longer than their longest lifetime: all their answers have expired. */
  private static void sweep() {
    long now = System.nanoTime();
    for (Iterator<Map.Entry<Partition, Shared>> it = CACHES.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Partition, Shared> e = it.next();
      CACHES.computeIfPresent(e.getKey(), (k, s) -> s.users == 0
          && now - s.idleSince > k.settings().longest().toNanos() ? null : s);
    }
  }

  /** How many caches the JVM holds, for tests. */
  static int count() {
    return CACHES.size();
  }

  private static byte[] secret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }

  /** A keyed hash of an API key: the same for the same key in this JVM, never turned back. */
  static String hash(@Nullable String key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(
          (key == null ? "" : key).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
