package io.convosql.sandbox.pathsim;

/** A voice call's far-end latency measurements, in whole milliseconds. */
public record LatencyStats(int averageMs, int minMs, int maxMs, int validMeasurements) {}
