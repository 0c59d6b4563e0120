package io.convosql.core.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Answers of one API for one key, reused for a while instead of asking again (Caffeine). Entries are
 * keyed by method and full URL (path and query parameters; never the key, which travels in a header),
 * hold the answer's bytes (parsed anew on each use, so no caller can change another's answer), live
 * {@link CacheSettings#ttl()} or, when the caller judged the answer settled,
 * {@link CacheSettings#settledTtl()}, and weigh their bytes: the cache never holds more than
 * {@link CacheSettings#maxBytes()}. A write to the API empties it ({@link #invalidateAll()}); an
 * answer whose request started before that is not stored.
 */
public final class ResponseCache {
  /** What an entry costs beyond its body: its key, the objects around it. */
  private static final int ENTRY_OVERHEAD = 128;

  private final CacheSettings settings;
  private final Cache<String, Entry> entries;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  ResponseCache(CacheSettings settings, Ticker ticker) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.entries = Caffeine.newBuilder()
        .maximumWeight(settings.maxBytes())
        .weigher((String key, Entry e) -> (int) Math.min(Integer.MAX_VALUE,
            e.answer.body().length + 2L * key.length() + ENTRY_OVERHEAD))
        .expireAfter(new Expiry<String, Entry>() {
          @Override
          public long expireAfterCreate(String key, Entry e, long now) {
            return e.ttlNanos;
          }

          @Override
          public long expireAfterUpdate(String key, Entry e, long now, long current) {
            return e.ttlNanos;
          }

          @Override
          public long expireAfterRead(String key, Entry e, long now, long current) {
            return current;
          }
        })
        .ticker(ticker)
        .executor(Runnable::run) // maintenance on the caller's thread: the cache starts no threads
        .build();
  }

  /** One stored answer and how long it lives. */
  private record Entry(Answer answer, long ttlNanos) {}

  static String key(String method, HttpUrl url) {
    return method + " " + url;
  }

  /** The cached answer to this request, or null. */
  @Nullable Answer get(String method, HttpUrl url) {
    Entry e = entries.getIfPresent(key(method, url));
    (e == null ? misses : hits).incrementAndGet();
    return e == null ? null : e.answer;
  }

  /** The number that {@link #put} must be given for an answer to a request starting now. */
  long generation() {
    return generation.get();
  }

  /**
   * Stores an answer, unless the cache was emptied after its request started ({@code generation} is
   * what {@link #generation()} said then).
   */
  synchronized void put(String method, HttpUrl url, Answer answer, boolean settled, long generation) {
    if (generation != this.generation.get()) {
      return;
    }
    long ttl = (settled ? settings.settledTtl() : settings.ttl()).toNanos();
    if (ttl > 0) {
      entries.put(key(method, url), new Entry(answer, ttl));
    }
  }

  /** Forgets every answer, as after a write to the API. */
  public synchronized void invalidateAll() {
    generation.incrementAndGet();
    entries.invalidateAll();
  }

  /** How many lookups found an answer. */
  public long hits() {
    return hits.get();
  }

  /** How many lookups found none. */
  public long misses() {
    return misses.get();
  }

  /** The keys held now ({@code GET https://…}), for tests and diagnosis. */
  public Set<String> keys() {
    entries.cleanUp();
    return Set.copyOf(entries.asMap().keySet());
  }

  CacheSettings settings() {
    return settings;
  }

  /** Drops expired entries now (Caffeine otherwise does it as the cache is used). */
  void cleanUp() {
    entries.cleanUp();
  }
}
