package io.convosql.core.plan;

/**
 * How many requests a bound scan will send, known before it sends any, and the first of them (for the
 * request budget's error).
 */
public record RequestEstimate(long requests, String api, String method, String path) {}
