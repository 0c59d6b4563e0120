package io.convosql.core.http;

/**
 * What is logged of each request, to the {@code java.util.logging} logger {@code io.convosql.http}
 * at INFO: nothing, the request and status lines, those with headers, or everything with bodies.
 * Key headers are always shown as {@code ██}, and any echo of a key in a line is masked.
 */
public enum HttpLog {
  NONE,
  BASIC,
  HEADERS,
  BODY
}
