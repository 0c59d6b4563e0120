package io.convosql.driver.differential;

import io.convosql.driver.differential.GeneratedQuery.Param;
import io.convosql.driver.differential.GeneratedQuery.Setter;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The state of one query being generated: its random source, its parameters in the order their
 * {@code ?} appear, whether it binds values as parameters, and the features it used.
 */
final class Ctx {
  final Random random;
  final List<Param> params = new ArrayList<>();
  final TreeSet<String> features = new TreeSet<>();
  private final boolean useParams;

  Ctx(long seed) {
    this.random = new Random(seed);
    this.useParams = random.nextInt(100) < 30;
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  void feature(String f) {
    features.add(f);
  }

  /**
   * A value as a literal, or as a {@code ?} bound to it when the query uses parameters (always when
   * the value cannot be a literal).
   */
  String value(Object v, Catalog.Kind kind) {
    boolean param = !Sql.literalSafe(v) || useParams && chance(60);
    if (!param) {
      return Sql.literal(v);
    }
    feature("param");
    if (chance(3)) {
      feature("null-param");
      params.add(new Param(null, Setter.NULL, sqlType(kind)));
    } else {
      params.add(param(v, kind));
    }
    return "?";
  }

  /** A number for LIMIT or OFFSET, sometimes a parameter. */
  String count(long n, boolean allowParam) {
    if (allowParam && useParams && chance(40)) {
      feature("param-limit");
      // An Integer: Calcite's own LIMIT ? casts the value to Integer (a Long fails in both modes).
      params.add(new Param((int) n, chance(50) ? Setter.OBJECT : Setter.INT));
      return "?";
    }
    return Long.toString(n);
  }

  private static int sqlType(Catalog.Kind kind) {
    switch (kind) {
      case INTEGER: return Types.BIGINT;
      case BOOLEAN: return Types.BOOLEAN;
      case TIMESTAMP: return Types.TIMESTAMP;
      default: return Types.VARCHAR;
    }
  }

  private Param param(Object v, Catalog.Kind kind) {
    boolean plain = chance(50);
    if (v instanceof String) {
      return new Param(v, plain ? Setter.OBJECT : Setter.STRING);
    }
    if (v instanceof Boolean) {
      return new Param(v, plain ? Setter.OBJECT : Setter.BOOLEAN);
    }
    if (v instanceof LocalDateTime) {
      Timestamp t = Timestamp.valueOf((LocalDateTime) v);
      return new Param(t, plain ? Setter.OBJECT : Setter.TIMESTAMP);
    }
    long n = (Long) v;
    if (chance(12)) {
      // Other number types JDBC callers bind to whole-number columns, with whole values: the driver
      // rejects a fraction bound to an INTEGER (22003, tested apart), plain Calcite narrows it.
      feature("other-number-param");
      return new Param(chance(60) ? (Object) (double) n : new java.math.BigDecimal(n).setScale(2), Setter.OBJECT);
    }
    if (n == (int) n && chance(50)) {
      return new Param((int) n, plain ? Setter.OBJECT : Setter.INT);
    }
    return new Param(n, plain ? Setter.OBJECT : Setter.LONG);
  }
}
