package io.convosql.core.http;

import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Interceptor;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * The request log: OkHttp's logging interceptor writing to the {@code java.util.logging} logger
 * {@code io.convosql.http}, placed after the key is added so it sees exactly what is sent, with the
 * key headers redacted and every line passed through the client's redaction as well.
 */
final class HttpLogging {
  static final Logger LOGGER = Logger.getLogger("io.convosql.http");

  private HttpLogging() {}

  static Interceptor interceptor(ApiSpec spec, HttpLog level, UnaryOperator<String> redact) {
    String prefix = spec.name() + " ";
    HttpLoggingInterceptor logging =
        new HttpLoggingInterceptor(line -> LOGGER.log(Level.INFO, prefix + redact.apply(line)));
    logging.redactHeader(spec.keyHeader());
    logging.redactHeader("Authorization");
    logging.redactHeader("Cookie");
    logging.redactHeader("Set-Cookie");
    logging.setLevel(switch (level) {
      case NONE -> HttpLoggingInterceptor.Level.NONE;
      case BASIC -> HttpLoggingInterceptor.Level.BASIC;
      case HEADERS -> HttpLoggingInterceptor.Level.HEADERS;
      case BODY -> HttpLoggingInterceptor.Level.BODY;
    });
    return logging;
  }
}
