package io.convosql.core.http;

import java.nio.charset.StandardCharsets;
import org.checkerframework.checker.nullness.qual.Nullable;

/** One HTTP answer read whole: its status, its Retry-After header if any, and its body bytes. */
record Answer(int status, @Nullable String retryAfter, byte[] body) {
  boolean successful() {
    return status >= 200 && status < 300;
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
