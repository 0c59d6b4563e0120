package io.convosql.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.Meta;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@code DatabaseMetaData} search pattern as JDBC defines it: {@code %} matches any run of
 * characters, {@code _} any one character, and {@code \} (the driver's search string escape) makes
 * the next character literal. Calcite's own matcher reads {@code _} literally, so {@code sess_ons}
 * found nothing; the metadata calls ask Calcite with {@link #widened} patterns, a superset, and
 * keep the rows this pattern matches.
 */
final class NamePattern {
  private static final char ESCAPE = '\\';

  private final @Nullable Pattern regex; // null: matches every name

  private NamePattern(@Nullable String pattern) {
    this.regex = pattern == null || pattern.equals("%") ? null : Pattern.compile(toRegex(pattern));
  }

  static NamePattern of(Meta.Pat pattern) {
    return new NamePattern(pattern.s);
  }

  static NamePattern of(@Nullable String pattern) {
    return new NamePattern(pattern);
  }

  /** Whether {@code name} matches; a null name matches only the pattern of every name. */
  boolean matches(@Nullable String name) {
    return regex == null || name != null && regex.matcher(name).matches();
  }

  /** The pattern with each unescaped {@code _} made {@code %}: what Calcite's matcher reads right. */
  static Meta.Pat widened(Meta.Pat pattern) {
    String s = pattern.s;
    if (s == null || s.indexOf('_') < 0) {
      return pattern;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ESCAPE && i + 1 < s.length()) {
        out.append(c).append(s.charAt(++i));
      } else {
        out.append(c == '_' ? '%' : c);
      }
    }
    return Meta.Pat.of(out.toString());
  }

  private static String toRegex(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == ESCAPE && i + 1 < pattern.length()) {
        out.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        out.append(".*");
      } else if (c == '_') {
        out.append('.');
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }

  /** The result set with only the rows {@code keep} accepts (its rows are all in its first frame). */
  static Meta.MetaResultSet filter(Meta.MetaResultSet rs, Predicate<Object> keep) {
    Meta.Frame frame = rs.firstFrame;
    if (frame == null) {
      return rs;
    }
    List<Object> rows = new ArrayList<>();
    for (Object row : frame.rows) {
      if (keep.test(row)) {
        rows.add(row);
      }
    }
    return Meta.MetaResultSet.create(rs.connectionId, rs.statementId, rs.ownStatement,
        rs.signature, Meta.Frame.create(frame.offset, frame.done, rows));
  }
}
