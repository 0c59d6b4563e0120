package io.convosql.driver;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * Turns a failure of the server's convosql connection into the exception Avatica's server sends as
 * an ErrorResponse with the SQLException's message, SQLState and vendor code, as the embedded driver
 * would raise it; without this every error reached a remote client as "Error -1 (00000)".
 */
final class ServerErrors {
  private ServerErrors() {}

  /** The failure as Avatica's server reports it to the client. */
  static RuntimeException carry(RuntimeException e) {
    if (e instanceof AvaticaRuntimeException) {
      return e;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return new AvaticaRuntimeException(s.getMessage(), s.getErrorCode(), s.getSQLState(),
            AvaticaSeverity.ERROR);
      }
    }
    return e;
  }
}
