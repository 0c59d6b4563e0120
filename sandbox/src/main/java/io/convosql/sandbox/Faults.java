package io.convosql.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which transient faults a sandbox injects, immutable: each request in scope fails with probability
 * {@link #rate()}, drawing the fault's kind evenly from {@link #kinds()}, from a {@link
 * java.util.Random} seeded with {@link #seed()} (so sequential requests see the same faults on
 * every run). In scope by default: every GET to the PathSim and Insights APIs, but not the storage
 * host's downloads. A faulted request never reaches the emulated API, so it changes nothing.
 */
public final class Faults {
  /** The APIs faults apply to unless {@link Builder#apis} says otherwise. */
  public static final Set<String> DEFAULT_APIS = Set.of("pathsim", "insights");
  private static final Set<String> KNOWN_APIS = Set.of("pathsim", "insights", "storage");
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
      .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final Faults NONE = builder().build();

  private final double rate;
  private final long seed;
  private final List<FaultKind> kinds;
  private final int retryAfterSeconds;
  private final boolean retryAfterAsDate;
  private final Set<String> apis;
  private final Pattern paths;
  private final boolean getOnly;
  private final long limit;
  private final Clock clock;

  private Faults(Builder b) {
    if (!(b.rate >= 0 && b.rate <= 1)) {
      throw new IllegalArgumentException("rate must be within 0..1: " + b.rate);
    }
    this.rate = b.rate;
    this.seed = b.seed;
    this.kinds = List.copyOf(b.kinds);
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.retryAfterAsDate = b.retryAfterAsDate;
    this.apis = Set.copyOf(b.apis);
    this.paths = b.paths;
    this.getOnly = b.getOnly;
    this.limit = b.limit;
    this.clock = b.clock;
  }

  /** No faults at all: what a sandbox starts with. */
  public static Faults none() {
    return NONE;
  }

  /** Faults of the given kinds (all kinds when none are given) at a rate, defaults otherwise. */
  public static Faults of(double rate, FaultKind... kinds) {
    Builder b = builder().rate(rate);
    return (kinds.length == 0 ? b : b.kinds(kinds)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The probability, 0 to 1, that a request in scope fails. */
  public double rate() {
    return rate;
  }

  public long seed() {
    return seed;
  }

  /** The kinds drawn from, evenly, in {@link FaultKind} order. */
  public List<FaultKind> kinds() {
    return kinds;
  }

  /** The delay a 429 asks for, in seconds. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** Whether a 429's {@code Retry-After} is an HTTP-date rather than a number of seconds. */
  public boolean retryAfterAsDate() {
    return retryAfterAsDate;
  }

  /** The APIs in scope: among {@code "pathsim"}, {@code "insights"} and {@code "storage"}. */
  public Set<String> apis() {
    return apis;
  }

  /** The regular expression paths in scope must match, or null when every path is. */
  public String paths() {
    return paths == null ? null : paths.pattern();
  }

  /** Whether only GET requests are in scope (so deletes are never faulted). */
  public boolean getOnly() {
    return getOnly;
  }

  /** How many faults at most these settings inject; {@link Long#MAX_VALUE} for no limit. */
  public long limit() {
    return limit;
  }

  /** Whether a request is in scope; {@code path} is below the API's root: {@code /workspaces}. */
  public boolean appliesTo(String api, String method, String path) {
    return rate > 0 && apis.contains(api) && (!getOnly || "GET".equals(method))
        && (paths == null || paths.matcher(path).matches());
  }

  /**
   * The {@code Retry-After} value a 429 sends now: the seconds, or the HTTP-date (RFC 1123, GMT)
   * that many seconds from the clock's current instant, rounded up to a whole second.
   */
  public String retryAfter() {
    if (!retryAfterAsDate) {
      return Integer.toString(retryAfterSeconds);
    }
    Instant now = clock.instant();
    Instant whole = now.truncatedTo(ChronoUnit.SECONDS);
    Instant ceiling = whole.equals(now) ? whole : whole.plusSeconds(1);
    return HTTP_DATE.format(ceiling.plusSeconds(retryAfterSeconds));
  }

  @Override
  public String toString() {
    return "Faults[rate=" + rate + ", seed=" + seed + ", kinds=" + kinds + ", apis=" + apis
        + (paths == null ? "" : ", paths=" + paths) + ", getOnly=" + getOnly
        + (limit == Long.MAX_VALUE ? "" : ", limit=" + limit) + "]";
  }

  /** Options for {@link Faults}; every one has a default, and the rate's is 0 (no faults). */
  public static final class Builder {
    private double rate;
    private long seed = 1L;
    private Set<FaultKind> kinds = EnumSet.allOf(FaultKind.class);
    private int retryAfterSeconds = 1;
    private boolean retryAfterAsDate;
    private Set<String> apis = DEFAULT_APIS;
    private Pattern paths;
    private boolean getOnly = true;
    private long limit = Long.MAX_VALUE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The probability, 0 to 1, that a request in scope fails; 1 fails every one. */
    public Builder rate(double rate) {
      this.rate = rate;
      return this;
    }

    /** The seed of the draws; the default is 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The kinds to draw from, evenly; the default is every kind. */
    public Builder kinds(FaultKind... kinds) {
      return kinds(Arrays.asList(kinds));
    }

    public Builder kinds(Collection<FaultKind> kinds) {
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("at least one fault kind is needed");
      }
      this.kinds = EnumSet.copyOf(kinds);
      return this;
    }

    /** The delay a 429 asks for, in seconds (0 or more); the default is 1. */
    public Builder retryAfterSeconds(int seconds) {
      if (seconds < 0) {
        throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + seconds);
      }
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Sends a 429's {@code Retry-After} as an HTTP-date from the clock, not as seconds. */
    public Builder retryAfterAsDate(boolean asDate) {
      this.retryAfterAsDate = asDate;
      return this;
    }

    /** The APIs in scope, among {@code pathsim}, {@code insights} and {@code storage}. */
    public Builder apis(String... apis) {
      for (String api : apis) {
        if (!KNOWN_APIS.contains(api)) {
          throw new IllegalArgumentException(
              "unknown API " + api + "; expected one of " + KNOWN_APIS);
        }
      }
      this.apis = Set.copyOf(Arrays.asList(apis));
      return this;
    }

    /**
     * Limits the faults to paths (below the API's root) the regular expression matches whole, e.g.
     * {@code /workspaces/[^/]+/sessions}; null (the default) puts every path in scope.
     */
    public Builder paths(String regex) {
      this.paths = regex == null ? null : Pattern.compile(regex);
      return this;
    }

    /** Whether only GETs are in scope; the default is true, so deletes stay deterministic. */
    public Builder getOnly(boolean getOnly) {
      this.getOnly = getOnly;
      return this;
    }

    /** Stops injecting after this many faults, e.g. to fail the first two attempts only. */
    public Builder limit(long maxFaults) {
      if (maxFaults < 0) {
        throw new IllegalArgumentException("limit must not be negative: " + maxFaults);
      }
      this.limit = maxFaults;
      return this;
    }

    /** The clock a {@code Retry-After} date is computed from; the default is the system's. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Faults build() {
      return new Faults(this);
    }
  }
}
