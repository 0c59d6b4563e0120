package io.convosql.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import okhttp3.HttpUrl;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A GET through the response cache: a cached answer is parsed and returned without a request (and
 * the client's {@link CacheHitListener} told); otherwise the API is asked and a successful answer
 * (2xx, or a 404 the caller takes as "none") is stored. A caller that bypasses the cache
 * ({@link CacheControl}) always asks the API, and its fresh answer replaces the cached one. Errors
 * are never stored.
 */
final class CachedGet {
  private CachedGet() {}

  static CompletableFuture<@Nullable JsonNode> run(ApiClient client, ResponseCache cache, String path,
      Map<String, String> params, HttpUrl url, boolean notFoundIsNull, Cancellation cancellation,
      Predicate<JsonNode> settled) {
    if (!CacheControl.bypasses(cancellation)) {
      Answer hit = cache.get("GET", url);
      if (hit != null) {
        try {
          JsonNode body = client.parse("GET", path, hit, notFoundIsNull);
          CacheHitListener listener = client.cacheHitListener();
          if (listener != null) {
            listener.hit("GET", path, url, hit.status());
          }
          client.reportCacheHit(path, params, hit, body);
          return CompletableFuture.completedFuture(body);
        } catch (RuntimeException e) {
          return CompletableFuture.failedFuture(e);
        }
      }
    }
    try {
      cancellation.beforeSend(client.spec().name(), "GET", path);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    long generation = cache.generation();
    return Futures.map(ApiClient.tellAnswered(client.fetch(url, path, params, notFoundIsNull), cancellation),
        fetched -> {
      Answer answer = fetched.answer();
      JsonNode body = fetched.body();
      if (answer.successful() || answer.status() == 404 && notFoundIsNull) {
        // a 404 is kept only as long as a list: the session may yet appear
        cache.put("GET", url, answer, body != null && settled.test(body), generation);
      }
      return body;
    });
  }
}
