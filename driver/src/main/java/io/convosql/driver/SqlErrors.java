package io.convosql.driver;

import io.convosql.core.exec.ScanCancelledException;
import io.convosql.core.http.ApiClient;
import io.convosql.core.http.ApiException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Gives the SQLException a statement throws the SQLState of its cause: Calcite wraps what a scan
 * throws in a generic "Error while executing SQL" exception without one. An API failure keeps its
 * own message (API, endpoint, status, hint), SQLState and HTTP status (as the vendor code); a
 * cancelled statement is HY008; SQL that does not parse or validate is 42000.
 */
final class SqlErrors {
  private SqlErrors() {}

  static SQLException translate(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof ApiException api) {
        return new SQLException(api.getMessage(), api.sqlState(), api.status(), thrown);
      }
      if (t instanceof ScanCancelledException || t instanceof ApiClient.RequestInterruptedException) {
        String message = "The statement was stopped: " + t.getMessage();
        return t.getMessage() != null && t.getMessage().contains("timeout")
            ? new SQLTimeoutException(message, "HY008", thrown) : new SQLException(message, "HY008", thrown);
      }
      if (t instanceof SqlParseException || t instanceof SqlValidatorException
          || t instanceof CalciteContextException) {
        if (thrown instanceof SQLException s && s.getSQLState() != null) {
          return s;
        }
        return new SQLException(thrown.getMessage(), "42000", thrown);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (thrown instanceof SQLException s) {
      return s;
    }
    return new SQLException(thrown.getMessage(), "HY000", thrown);
  }
}
