/**
 * The {@code insights} schema: the Vonage AI Studio Insights API as SQL tables, with filters, ranges,
 * orders, projections and limits pushed into its search requests.
 */
package io.convosql.adapter.insights;
