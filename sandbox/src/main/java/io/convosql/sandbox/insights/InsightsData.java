package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.LinkedCall;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated account's agents and session documents, generated from a seed and a fixed "now" (never
 * the clock), held in a thread-safe store that deletes and later additions change.
 */
public final class InsightsData {
  private static final Comparator<StoredSession> BY_START =
      Comparator.comparingLong(StoredSession::startMicros).thenComparing(StoredSession::id);

  private final SessionGenerator generator;
  private final Map<String, StoredSession> byId = new HashMap<>();
  private volatile List<StoredSession> ordered = List.of();

  private InsightsData(SessionGenerator generator) {
    this.generator = Objects.requireNonNull(generator, "generator");
  }

  /**
   * Generates {@code sessions} sessions spread over the 180 days before {@code now}, plus one session
   * per linked PathSim call, answered by the agent owning the dialled number (created if none does).
   */
  public static InsightsData generate(long seed, int sessions, Instant now, List<LinkedCall> linked) {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(linked, "linked");
    InsightsData data = new InsightsData(new SessionGenerator(seed));
    long nowMicros = IsoTime.micros(now);
    NodeInterner interner = new NodeInterner();
    List<StoredSession> generated = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      generated.add(new StoredSession((ObjectNode) interner.intern(data.generator.historical(nowMicros))));
    }
    for (LinkedCall call : linked) {
      generated.add(new StoredSession((ObjectNode) interner.intern(data.generator.linked(call))));
    }
    data.store(generated);
    return data;
  }

  /** The account every session belongs to. */
  public String accountId() {
    return generator.accountId();
  }

  /** The agents, including those created for numbers linked PathSim calls dialled. */
  public synchronized List<InsightsAgent> agents() {
    return generator.agents();
  }

  public int size() {
    return ordered.size();
  }

  /** Deep copies of every document, by session start time then id. */
  public List<ObjectNode> documents() {
    return ordered.stream().map(StoredSession::copy).toList();
  }

  /** A deep copy of one document. */
  public Optional<ObjectNode> document(String id) {
    return find(id).map(StoredSession::copy);
  }

  /**
   * Stores a copy of a document, which needs a new text {@code id} and a {@code session_start_time};
   * returns another copy of it.
   */
  public ObjectNode add(ObjectNode document) {
    StoredSession session = new StoredSession(document.deepCopy());
    store(List.of(session));
    return session.copy();
  }

  /** Generates and stores one more session starting at {@code start}; returns a copy of it. */
  public ObjectNode addSession(Instant start) {
    StoredSession session;
    synchronized (this) {
      session = new StoredSession(generator.at(IsoTime.micros(start)));
    }
    store(List.of(session));
    return session.copy();
  }

  /** The session with this id, if any. */
  Optional<StoredSession> find(String id) {
    synchronized (byId) {
      return Optional.ofNullable(byId.get(id));
    }
  }

  /** Deletes the session when it exists and started on the given UTC day. */
  boolean delete(String id, LocalDate day) {
    synchronized (byId) {
      StoredSession session = byId.get(id);
      if (session == null || !session.day().equals(day)) {
        return false;
      }
      byId.remove(id);
      ordered = ordered.stream().filter(s -> s != session).toList();
      return true;
    }
  }

  /** The sessions that started in the inclusive range, by start time, as one consistent snapshot. */
  List<StoredSession> startedBetween(long fromMicros, long toMicros) {
    List<StoredSession> snapshot = ordered;
    int from = firstAtOrAfter(snapshot, fromMicros);
    int to = firstAtOrAfter(snapshot, toMicros + 1);
    return snapshot.subList(from, Math.max(from, to));
  }

  private static int firstAtOrAfter(List<StoredSession> sessions, long micros) {
    int low = 0;
    int high = sessions.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sessions.get(mid).startMicros() < micros) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private void store(List<StoredSession> sessions) {
    synchronized (byId) {
      Set<String> ids = new HashSet<>();
      for (StoredSession session : sessions) {
        if (byId.containsKey(session.id()) || !ids.add(session.id())) {
          throw new IllegalArgumentException("a session with id " + session.id() + " already exists");
        }
      }
      List<StoredSession> next = new ArrayList<>(ordered);
      for (StoredSession session : sessions) {
        byId.put(session.id(), session);
        next.add(session);
      }
      next.sort(BY_START);
      ordered = List.copyOf(next);
    }
  }
}
