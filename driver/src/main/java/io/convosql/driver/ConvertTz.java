package io.convosql.driver;

import io.convosql.core.plan.LazyScalarFunction;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The {@code convert_tz(t, from, to)} SQL function, as MySQL names it: the wall clock {@code t} read
 * in zone {@code from}, as the wall clock of the same instant in zone {@code to}. The tables'
 * timestamps are UTC, so {@code convert_tz(started_at, 'UTC', 'America/New_York')} is New York's
 * time of day, for grouping by local day. Zones are IANA names in any case
 * ({@code Europe/Berlin}), {@code UTC}, or offsets ({@code +05:30}); an unknown zone fails with
 * 22023 rather than giving NULL as MySQL does. Public only for the code Calcite generates.
 */
public final class ConvertTz {
  private static final java.util.regex.Pattern ONE_DIGIT_HOUR =
      java.util.regex.Pattern.compile("^([+-])(\\d:\\d\\d)$");
  /** The name SQL calls it by. */
  static final String NAME = "convert_tz";

  private ConvertTz() {}

  /** The function as the root schema holds it. */
  static LazyScalarFunction function() {
    return LazyScalarFunction.of(ConvertTz.class, "convertTz");
  }

  /** {@code t} moved from zone {@code from} to zone {@code to}; null when any argument is null. */
  public static @Nullable Timestamp convertTz(@Nullable Timestamp t, @Nullable String from,
      @Nullable String to) {
    if (t == null || from == null || to == null) {
      return null;
    }
    ZoneId source = zone(from);
    ZoneId target = zone(to);
    return Timestamp.valueOf(t.toLocalDateTime().atZone(source).withZoneSameInstant(target)
        .toLocalDateTime());
  }

  private static ZoneId zone(String name) {
    String z = ONE_DIGIT_HOUR.matcher(name.strip()).replaceFirst("$10$2"); // MySQL's +5:30
    try {
      return ZoneId.of(z, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      for (String id : ZoneId.getAvailableZoneIds()) {
        if (id.equalsIgnoreCase(z)) {
          return ZoneId.of(id);
        }
      }
      throw new SqlStateException("convert_tz: '" + name + "' is not a time zone: write an IANA name"
          + " such as 'America/New_York' or 'Europe/Berlin', 'UTC', or an offset such as '+05:30'",
          "22023");
    }
  }
}
