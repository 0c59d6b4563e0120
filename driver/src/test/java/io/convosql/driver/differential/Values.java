package io.convosql.driver.differential;

import io.convosql.core.plan.Matches;
import io.convosql.driver.differential.Catalog.Col;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Values for predicates, drawn mostly from the column's own data so that predicates select rows,
 * and otherwise near it: absent values, neighbours and bounds, other letter cases, empty strings,
 * day starts, daylight-saving edges of the tests' time zone; LIKE patterns and {@code matches()}
 * words cut from the data.
 */
final class Values {
  /** A LIKE pattern and its escape character (or null). */
  record Like(String pattern, String escape) {
    String sql() {
      return Sql.string(pattern) + (escape == null ? "" : " ESCAPE " + Sql.string(escape));
    }
  }

  private static final List<LocalDateTime> EDGES = List.of(
      LocalDateTime.parse("2025-03-09T02:30:00"), LocalDateTime.parse("2025-03-09T10:00:00"),
      LocalDateTime.parse("2025-11-02T01:30:00"), LocalDateTime.parse("2025-07-01T00:00:00"),
      LocalDateTime.parse("2020-01-01T00:00:00"), LocalDateTime.parse("2030-01-01T00:00:00"));

  private final Ctx ctx;

  Values(Ctx ctx) {
    this.ctx = ctx;
  }

  private Object sample(Col c) {
    return c.values().isEmpty() ? fallback(c) : ctx.pick(c.values());
  }

  private static Object fallback(Col c) {
    switch (c.kind()) {
      case INTEGER: return 0L;
      case BOOLEAN: return true;
      case TIMESTAMP: return LocalDateTime.parse("2025-08-01T00:00:00");
      default: return "x";
    }
  }

  private Object bound(Col c) {
    return c.values().isEmpty() ? fallback(c)
        : ctx.chance(50) ? c.values().get(0) : c.values().get(c.values().size() - 1);
  }

  /** A value to compare the column with, of the column's kind. */
  Object pick(Col c) {
    switch (c.kind()) {
      case INTEGER: return number(c);
      case BOOLEAN: return ctx.chance(50);
      case TIMESTAMP: return time(c);
      default: return text(c);
    }
  }

  private Object text(Col c) {
    String s = (String) sample(c);
    int r = ctx.random.nextInt(100);
    if (r < 62) {
      return s;
    }
    if (r < 72) {
      ctx.feature("mixed-case");
      return recase(s);
    }
    if (r < 80) {
      ctx.feature("absent");
      switch (ctx.random.nextInt(3)) {
        case 0: return s + ctx.pick(List.of("x", " ", "zz"));
        case 1: return "no such " + ctx.between(1, 9);
        default:
          return pathLike(s);
      }
    }
    if (r < 86) {
      return s.isEmpty() ? s : s.substring(0, ctx.between(0, s.length() - 1));
    }
    if (r < 92) {
      return bound(c);
    }
    return ctx.pick(List.of("", " ", "%", "_", "--", "null"));
  }

  /**
   * The value made into something that is not one URL path segment: a pinned id like this must
   * never reach another endpoint or another session.
   */
  String pathLike(String s) {
    ctx.feature("path-like");
    return ctx.pick(List.of(s + "/recording", "x/../" + s, s + "/sessions/..", s + "/..", "..",
        ".", "./" + s, s + "?x=1", s + "#", "%2e%2e", s + "%2F.."));
  }

  private String recase(String s) {
    switch (ctx.random.nextInt(3)) {
      case 0: return s.toUpperCase(Locale.ROOT);
      case 1: return s.toLowerCase(Locale.ROOT);
      default:
        StringBuilder b = new StringBuilder();
        s.chars().forEach(ch -> b.append((char) (Character.isUpperCase(ch)
            ? Character.toLowerCase(ch) : Character.toUpperCase(ch))));
        return b.toString();
    }
  }

  private Object number(Col c) {
    long s = (Long) sample(c);
    int r = ctx.random.nextInt(100);
    if (r < 65) {
      return s;
    }
    if (r < 80) {
      return s + (ctx.chance(50) ? 1 : -1);
    }
    if (r < 87) {
      long b = (Long) bound(c);
      return b + (ctx.chance(50) ? 1 : -1) * ctx.between(0, 1000);
    }
    if (r < 94) {
      return ctx.pick(List.of(0L, -1L, 1L));
    }
    ctx.feature("out-of-range");
    return ctx.pick(List.of(3_000_000_000L, -3_000_000_000L, (long) Integer.MAX_VALUE));
  }

  private Object time(Col c) {
    LocalDateTime s = (LocalDateTime) sample(c);
    int r = ctx.random.nextInt(100);
    if (r < 55) {
      return s;
    }
    if (r < 75) {
      long ms = ctx.pick(List.of(1L, 1000L, 60_000L, 3_600_000L, 86_400_000L));
      return s.plus(ctx.chance(50) ? ms : -ms, ChronoUnit.MILLIS);
    }
    if (r < 85) {
      return s.truncatedTo(ChronoUnit.DAYS);
    }
    if (r < 90) {
      return bound(c);
    }
    if (r < 95) {
      ctx.feature("dst-edge");
      return ctx.pick(EDGES);
    }
    LocalDateTime lo = (LocalDateTime) (c.values().isEmpty() ? fallback(c) : c.values().get(0));
    return lo.plusMinutes(ctx.random.nextInt(200 * 24 * 60));
  }

  /** A LIKE pattern cut from a value of the column. */
  Like pattern(Col c) {
    String s = literalSample(c);
    if (c.blob()) {
      s = fragment(s);
    }
    int len = s.length();
    switch (ctx.random.nextInt(11)) {
      case 0: return new Like(s, null);
      case 1: return new Like(s.substring(0, ctx.between(0, len)) + "%", null);
      case 2: return new Like("%" + s.substring(ctx.between(0, len)), null);
      case 3: return new Like("%" + mid(s) + "%", null);
      case 4: return new Like(underscore(s), null);
      case 5: return new Like(ctx.pick(List.of("%", "_%", "__%", "", "%%", "_")), null);
      case 6: return new Like("%" + recase(mid(s)) + "%", null);
      case 7: return new Like("%" + mid(s) + "%" + mid(s) + "%", null);
      case 8: return new Like(underscore("%" + mid(s) + "%"), null);
      default: return escaped(s);
    }
  }

  /** A pattern with an escape: the value's own wildcards escaped, or an escaped wildcard. */
  private Like escaped(String s) {
    String esc = ctx.pick(List.of("\\", "!", "#"));
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '%' || ch == '_' || esc.charAt(0) == ch) {
        b.append(esc);
      }
      b.append(ch);
    }
    String body = b.toString();
    switch (ctx.random.nextInt(4)) {
      case 0: return new Like(body, esc);
      case 1: return new Like("%" + body.substring(0, Math.min(body.length(), 4)) + "%", esc);
      case 2: return new Like("%" + esc + "_%", esc);
      default: return new Like("%" + esc + "%" + "%", esc);
    }
  }

  private String mid(String s) {
    if (s.isEmpty()) {
      return s;
    }
    int from = ctx.random.nextInt(s.length());
    int to = Math.min(s.length(), from + ctx.between(1, 8));
    return s.substring(from, to).replace("%", "").replace("_", "").replace("\\", "");
  }

  private String underscore(String s) {
    if (s.isEmpty()) {
      return "_";
    }
    char[] chars = s.toCharArray();
    int count = ctx.between(1, 2);
    for (int i = 0; i < count; i++) {
      int at = ctx.random.nextInt(chars.length);
      if (chars[at] != '%') {
        chars[at] = '_';
      }
    }
    return new String(chars);
  }

  /** A sample value fit for a literal, or a plain word when none is. */
  private String literalSample(Col c) {
    for (int i = 0; i < 5; i++) {
      String s = String.valueOf(sample(c));
      if (c.blob()) {
        s = fragment(s);
      }
      if (Sql.literalSafe(s)) {
        return s;
      }
    }
    return "a";
  }

  /** One to three neighbouring words of a long text. */
  private String fragment(String text) {
    String[] words = text.split("\\s+");
    if (words.length == 0) {
      return "";
    }
    int from = ctx.random.nextInt(words.length);
    int to = Math.min(words.length, from + ctx.between(1, 3));
    return String.join(" ", java.util.Arrays.asList(words).subList(from, to));
  }

  /** Words for {@code matches(column, words)}: from the data, recased, punctuated or absent. */
  String words(Col c) {
    String s = String.valueOf(sample(c));
    List<String> all = new ArrayList<>(Matches.words(s)); // as matches() splits them: it's, 4.5 whole
    List<String> chosen = new ArrayList<>();
    int n = ctx.between(1, 3);
    for (int i = 0; i < n && !all.isEmpty(); i++) {
      String w = all.get(ctx.random.nextInt(all.size()));
      chosen.add(ctx.chance(25) ? recase(w) : w);
    }
    int r = ctx.random.nextInt(100);
    if (r < 10) {
      chosen.add("zzyzx");
    } else if (r < 14) {
      return ctx.pick(List.of("", "  ", "?!", "zzyzx"));
    }
    return String.join(ctx.pick(List.of(" ", ", ", "-", "! ")), chosen);
  }
}
