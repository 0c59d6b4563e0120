package io.convosql.driver;

import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The result sets convosql has: forward-only and read-only, as the rows of an API are read once, in
 * order. A statement asked for a scrollable or updatable one is made forward-only and read-only,
 * says so in its result sets' {@code getType} and {@code getConcurrency}, and the connection carries
 * an SQLWarning, as JDBC has a driver do; before, the type asked for was reported and the first
 * {@code last()} or {@code absolute()} failed.
 */
final class ResultSetKinds {
  private ResultSetKinds() {}

  /** Whether a connection call names a result set type and concurrency. */
  static boolean requested(String method, Object[] args) {
    int at = typeIndex(method, args);
    return at >= 0 && args.length > at + 1 && args[at] instanceof Integer && args[at + 1] instanceof Integer;
  }

  /** The call's arguments with a kind convosql has, noting a warning when it is not the one asked. */
  static Object[] supported(String method, Object[] args, AtomicReference<SQLWarning> warnings) {
    int at = typeIndex(method, args);
    int type = (Integer) args[at];
    int concurrency = (Integer) args[at + 1];
    if (type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY) {
      return args;
    }
    Object[] changed = args.clone();
    changed[at] = ResultSet.TYPE_FORWARD_ONLY;
    changed[at + 1] = ResultSet.CONCUR_READ_ONLY;
    SQLWarning warning = new SQLWarning("convosql's result sets are forward-only and read-only: the"
        + " statement's are, rather than the " + name(type, concurrency) + " asked for", "01000");
    warnings.accumulateAndGet(warning, (old, added) -> {
      if (old == null) {
        return added;
      }
      old.setNextWarning(added);
      return old;
    });
    return changed;
  }

  private static int typeIndex(String method, Object[] args) {
    if (args == null) {
      return -1;
    }
    return switch (method) {
      case "createStatement" -> args.length >= 2 ? 0 : -1;
      case "prepareStatement", "prepareCall" -> args.length >= 3 && args[0] instanceof String ? 1 : -1;
      default -> -1;
    };
  }

  private static String name(int type, int concurrency) {
    String t = switch (type) {
      case ResultSet.TYPE_SCROLL_INSENSITIVE -> "scroll-insensitive";
      case ResultSet.TYPE_SCROLL_SENSITIVE -> "scroll-sensitive";
      default -> "forward-only";
    };
    return t + (concurrency == ResultSet.CONCUR_UPDATABLE ? ", updatable" : ", read-only") + " kind";
  }
}
