package io.convosql.core.http;

import okhttp3.HttpUrl;

/**
 * Told of every request answered from the {@link ResponseCache} instead of the API, for request logs
 * and statistics. The URL never holds a key (keys travel in headers).
 */
@FunctionalInterface
public interface CacheHitListener {
  /**
   * @param method the request's method (GET)
   * @param path the endpoint path below the API root, as in error messages
   * @param url the full URL the answer was cached under
   * @param status the status of the cached answer (2xx, or 404 taken as "none")
   */
  void hit(String method, String path, HttpUrl url, int status);
}
