package io.convosql.driver;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.BuiltInConnectionProperty;

/**
 * What a client of the remote server may set on its connection. The server holds the API keys, the
 * API URLs and everything else that decides where requests go and with whose credentials, so a
 * client sets only how its own queries are read; a property outside that list is refused with an
 * error, never silently dropped. Avatica's own client properties (the server URL, the client's user
 * and password) only concern the client and are left out of the server's connection.
 */
final class ClientPropertyPolicy {
  /** Settings of a client's own queries; lower case. */
  private static final Set<String> ALLOWED = Set.of(
      ConvoSqlProperty.PUSHDOWN.propertyName().toLowerCase(Locale.ROOT),
      ConvoSqlProperty.INSIGHTS_LOOKBACK_DAYS.propertyName().toLowerCase(Locale.ROOT),
      "lex", "quoting", "quotedcasing", "unquotedcasing", "casesensitive", "conformance", "timezone",
      "defaultnullcollation");

  private ClientPropertyPolicy() {}

  /**
   * The client's properties to open its server-side connection with; an SQLException naming the
   * first refused property.
   */
  static Map<String, String> filter(Map<String, String> client) throws SQLException {
    Map<String, String> kept = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : client.entrySet()) {
      String name = e.getKey();
      String lower = name.toLowerCase(Locale.ROOT);
      if (avaticaClientProperty(lower)) {
        continue;
      }
      if (!ALLOWED.contains(lower)) {
        throw refused(name);
      }
      kept.put(name, e.getValue());
    }
    return kept;
  }

  private static boolean avaticaClientProperty(String lower) {
    if (lower.equals("user") || lower.equals("password")) {
      return true;
    }
    for (BuiltInConnectionProperty p : BuiltInConnectionProperty.values()) {
      if (p.camelName().toLowerCase(Locale.ROOT).equals(lower)) {
        return true;
      }
    }
    return false;
  }

  private static SQLException refused(String name) {
    ConvoSqlProperty p = ConvoSqlProperty.byNameIgnoreCase(name);
    String what = p != null && p.secret() ? "an API key"
        : p == ConvoSqlProperty.PATHSIM_URL || p == ConvoSqlProperty.INSIGHTS_URL
            || p == ConvoSqlProperty.INSIGHTS_REGION ? "an API URL"
        : p != null ? "a setting of the server" : "not a property a client may set";
    return new SQLException("The convosql server refuses the connection property '" + name + "' ("
        + what + "): the server sets API keys, API URLs, credentials and schemas itself. Clients may"
        + " set only pushdown, insights.lookbackDays, lex, quoting, quotedCasing, unquotedCasing,"
        + " caseSensitive, conformance, timeZone and defaultNullCollation.", "28000");
  }
}
