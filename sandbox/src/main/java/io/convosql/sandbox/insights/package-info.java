/**
 * An in-process emulator of the Vonage AI Studio Insights API: seeded session documents and the search,
 * get, search-by-id and delete endpoints, with the API document's strictest readings.
 */
package io.convosql.sandbox.insights;
