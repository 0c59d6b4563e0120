package io.convosql.adapter.insights;

import io.convosql.core.http.ApiSpec;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the Insights API's 401 answers, which it gives both for a bad key and for invalid parameters
 * (dates, filters, paging): the server's detail decides which one the message names, and when the
 * detail does not tell, the message names both causes.
 */
final class Rejections {
  /** Details that name a request parameter. */
  private static final Pattern PARAMETER = Pattern.compile(
      "from_date|to_date|date range|page_number|page_size|sort_by|project_fields|filter_by"
          + "|session_start_time|60 days");
  /** Details that name the credentials. */
  private static final Pattern KEY = Pattern.compile(
      "api[ _-]?key|x-vgai-key|unauthori[sz]ed|authenticat|credential|forbidden|access denied|token");

  private Rejections() {}

  static ApiSpec.Rejection read(String serverMessage) {
    String m = serverMessage.toLowerCase(Locale.ROOT);
    if (PARAMETER.matcher(m).find()) {
      return new ApiSpec.Rejection(
          "Insights refused a parameter of the request (the API answers HTTP 401 for invalid"
              + " parameters too; the key is not the problem)",
          "the query produced a request the API does not accept; EXPLAIN PLAN FOR the query shows it",
          "22023");
    }
    if (KEY.matcher(m).find()) {
      return new ApiSpec.Rejection("Insights rejected the API key", "check " + InsightsApi.KEY_HINT,
          "28000");
    }
    return new ApiSpec.Rejection(
        "Insights refused the request with HTTP 401, which it answers both for a bad API key and for"
            + " invalid parameters",
        "check " + InsightsApi.KEY_HINT + "; if the key is right, EXPLAIN PLAN FOR the query shows the"
            + " request the API refused",
        "28000");
  }
}
