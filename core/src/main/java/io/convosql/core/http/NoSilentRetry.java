package io.convosql.core.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from re-sending a request by itself: it repeats a 503 whose {@code Retry-After} is
 * {@code 0} once, inside one attempt, so the request is sent twice where the retry policy, the rate
 * limit and the request log see one. A network interceptor (it sees each answer before OkHttp
 * decides on a follow-up) moves that header aside; {@link #retryAfter} reads it from either place.
 */
final class NoSilentRetry {
  /** Where a {@code Retry-After: 0} of a 503 is kept. */
  static final String MOVED = "X-Convosql-Retry-After";

  private NoSilentRetry() {}

  static Response intercept(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String retryAfter = response.header("Retry-After");
    if (response.code() == 503 && retryAfter != null && retryAfter.trim().matches("0+")) {
      return response.newBuilder().removeHeader("Retry-After").header(MOVED, retryAfter).build();
    }
    return response;
  }

  /** The answer's {@code Retry-After}, wherever {@link #intercept} left it. */
  static String retryAfter(Response response) {
    String value = response.header("Retry-After");
    return value != null ? value : response.header(MOVED);
  }
}
