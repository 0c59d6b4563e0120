package io.convosql.bench;

/** The measurements of one suite query: rows, requests (driver, minimum, hand-written) and median ms. */
record Result(SuiteQuery query, int rows, int driverRequests, long minimum, int handRequests,
    double driverMs, double handMs) {

  double ratio() {
    return driverMs / handMs;
  }

  boolean atMinimum() {
    return driverRequests == minimum;
  }
}
