package io.convosql.sandbox.pathsim;

import io.convosql.sandbox.LinkedCall;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The PathSim organization's workspaces and test sessions, generated from a seed and a fixed "now";
 * thread-safe, and sessions can be added while the emulator serves requests.
 */
public final class PathSimData {
  private static final int HISTORY_MINUTES = 120 * 24 * 60;

  private final long seed;
  private final List<Workspace> workspaces;
  private final SessionFactory factory;
  private final Map<String, List<Session>> byWorkspace = new ConcurrentHashMap<>();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  private PathSimData(long seed, List<Workspace> workspaces, SessionFactory factory) {
    this.seed = seed;
    this.workspaces = List.copyOf(workspaces);
    this.factory = Objects.requireNonNull(factory, "factory");
    for (Workspace w : workspaces) {
      byWorkspace.put(w.id(), List.of());
    }
  }

  /** Five workspaces and {@code sessions} sessions spread over the 120 days before {@code now}. */
  public static PathSimData generate(long seed, int sessions, Instant now) {
    if (sessions < 0) {
      throw new IllegalArgumentException("sessions must not be negative: " + sessions);
    }
    SplittableRandom root = new SplittableRandom(seed);
    List<Workspace> workspaces = WorkspaceCatalog.generate(root.split(), now);
    PathSimData data = new PathSimData(seed, workspaces, new SessionFactory(root.split()));
    SplittableRandom times = root.split();
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    int[] counts = WorkspaceCatalog.counts(sessions);
    List<Map.Entry<Instant, String>> planned = new ArrayList<>();
    for (int w = 0; w < workspaces.size(); w++) {
      for (int i = 0; i < counts[w]; i++) {
        Instant at = end.minus(1 + times.nextInt(HISTORY_MINUTES), ChronoUnit.MINUTES);
        planned.add(Map.entry(at, workspaces.get(w).id()));
      }
    }
    planned.sort(Map.Entry.comparingByKey());
    Map<String, List<Session>> lists = new HashMap<>();
    for (Map.Entry<Instant, String> p : planned) {
      Session s = data.factory.create(p.getValue(), p.getKey());
      lists.computeIfAbsent(s.workspaceId(), k -> new ArrayList<>()).add(s);
      data.byId.put(s.id(), s);
    }
    lists.forEach((workspace, list) -> {
      list.sort(Session.ASCENDING);
      data.byWorkspace.put(workspace, List.copyOf(list));
    });
    return data;
  }

  /** The workspaces, in the order the API lists them. */
  public List<Workspace> workspaces() {
    return workspaces;
  }

  public Optional<Workspace> workspace(String id) {
    return workspaces.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  /** Every session of every workspace, in {@link Session#ASCENDING} order. */
  public List<Session> sessions() {
    List<Session> all = new ArrayList<>();
    byWorkspace.values().forEach(all::addAll);
    all.sort(Session.ASCENDING);
    return Collections.unmodifiableList(all);
  }

  /** One workspace's sessions in {@link Session#ASCENDING} order; empty for an unknown workspace. */
  public List<Session> sessions(String workspaceId) {
    return byWorkspace.getOrDefault(workspaceId, List.of());
  }

  public Optional<Session> session(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Generates one more session in the workspace, started at {@code time} (truncated to the minute). */
  public Session addSession(String workspaceId, Instant time) {
    return add(workspaceId, 1, time).get(0);
  }

  /**
   * Generates {@code count} more sessions in the workspace, all started at {@code time} (truncated
   * to the minute), as a test adds sessions while a client pages through a listing. They appear at
   * once: a listing served at the same moment shows all of them or none. Returns their ids.
   */
  public List<String> addSessions(String workspaceId, int count, Instant time) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    return add(workspaceId, count, time).stream().map(Session::id).toList();
  }

  private List<Session> add(String workspaceId, int count, Instant time) {
    Objects.requireNonNull(time, "time");
    if (!byWorkspace.containsKey(workspaceId)) {
      throw new IllegalArgumentException("no such workspace: " + workspaceId);
    }
    List<Session> added = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      added.add(factory.create(workspaceId, time));
    }
    // Findable by id first, so any id a listing shows has its detail.
    added.forEach(s -> byId.put(s.id(), s));
    byWorkspace.compute(workspaceId, (k, old) -> {
      List<Session> list = new ArrayList<>(old);
      list.addAll(added);
      list.sort(Session.ASCENDING);
      return List.copyOf(list);
    });
    return added;
  }

  /** One call per connected voice session: the agent it dialled, the line it called from, when. */
  public List<LinkedCall> linkedCalls() {
    return sessions().stream()
        .filter(s -> s.detail().voice() != null && s.detail().voice().callerNumber() != null)
        .map(s -> new LinkedCall(
            s.target(), s.detail().voice().callerNumber(), s.time(), s.virtualCustomer()))
        .toList();
  }

  /** The seed the data was generated from, which also seeds the recordings' bytes. */
  long seed() {
    return seed;
  }
}
