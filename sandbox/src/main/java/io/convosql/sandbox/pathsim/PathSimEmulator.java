package io.convosql.sandbox.pathsim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.convosql.sandbox.ApiHandler;
import io.convosql.sandbox.Exchanges;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The PathSim API as its document describes it, read strictly: bearer-key authentication, the
 * workspace and session listings, session detail and recordings (whose downloads redirect to a
 * separate storage host).
 */
public final class PathSimEmulator implements ApiHandler {
  private final PathSimData data;
  private final String expectedAuthorization;
  private final RecordingStorage storage;
  private volatile String baseUrl = "https://api.pathsim.com/v1";
  private volatile String storageUrl = "https://storage.pathsim.com";
  private volatile boolean dayFirst;
  private volatile boolean createdBeforeStart;

  public PathSimEmulator(PathSimData data, String apiKey) {
    this.data = Objects.requireNonNull(data, "data");
    this.expectedAuthorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
    this.storage = new RecordingStorage(data);
  }

  /** The API root recording URLs are built on, e.g. {@code http://127.0.0.1:41234/pathsim/v1}. */
  public void setBaseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
  }

  /** The storage host root downloads redirect to, e.g. {@code http://localhost:41234/storage}. */
  public void setStorageUrl(String storageUrl) {
    this.storageUrl = Objects.requireNonNull(storageUrl, "storageUrl");
  }

  /**
   * Whether the Test History column Time is written day first ({@code dd/MM/yyyy HH:mm}) instead of
   * month first ({@code MM/dd/yyyy HH:mm}, the default). The document's examples
   * ({@code "08/08/2025 18:00"}) fit both, so clients are tested against either; everything else,
   * {@code created_from}/{@code created_to} and {@code test_id} included, is the same.
   */
  public void setDayFirst(boolean dayFirst) {
    this.dayFirst = dayFirst;
  }

  /**
   * Whether a session's {@code created_at}, which {@code sort=created_at} (and the default
   * {@code -created_at}) orders by, is up to three days before its Time rather than equal to it, as
   * for a session created when its campaign was scheduled. The document names {@code created_at} as
   * a sort field without saying it is the start time; {@code start_timestamp} and the
   * {@code created_from}/{@code created_to} filters ("start date") keep to Time. Off by default.
   */
  public void setCreatedBeforeStart(boolean createdBeforeStart) {
    this.createdBeforeStart = createdBeforeStart;
  }

  /** A session's created_at when {@link #setCreatedBeforeStart} is on: 0 to 3 days before Time. */
  public static Instant createdAt(Session s) {
    long lead = Math.floorMod(s.id().hashCode() * 31L + 7, 3 * 24 * 60L);
    return s.time().minus(lead, ChronoUnit.MINUTES);
  }

  /** The storage host's handler, which serves the recording files. */
  public ApiHandler storage() {
    return storage;
  }

  public PathSimData data() {
    return data;
  }

  @Override
  public String api() {
    return "pathsim";
  }

  @Override
  public int handle(HttpExchange exchange, String method, String path, Map<String, List<String>> params)
      throws IOException {
    if (!authorized(exchange)) {
      return send(exchange, 401, Wire.error("Invalid or missing API key"));
    }
    String[] parts = path.split("/", -1);
    Route route = Route.of(parts);
    if (route == null) {
      return send(exchange, 404, Wire.error("Not found"));
    }
    if (!method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      return send(exchange, 405, Wire.error("Method not allowed"));
    }
    try {
      return switch (route) {
        case WORKSPACES -> workspaces(exchange);
        case SESSIONS -> sessions(exchange, parts[2], params);
        case SESSION -> session(exchange, parts[2]);
        case RECORDING -> recording(exchange, parts[2], new QueryParams(params).text("download"));
      };
    } catch (BadRequest e) {
      return send(exchange, 400, Wire.error(e.getMessage()));
    }
  }

  private boolean authorized(HttpExchange exchange) {
    List<String> values = exchange.getRequestHeaders().get("Authorization");
    return values != null && values.size() == 1 && values.get(0).equals(expectedAuthorization);
  }

  private int workspaces(HttpExchange exchange) throws IOException {
    ArrayNode list = Wire.MAPPER.createArrayNode();
    for (Workspace w : data.workspaces()) {
      list.addObject()
          .put("id", w.id())
          .put("name", w.name())
          .put("description", w.description())
          .put("organizationId", w.organizationId())
          .put("createdAt", Wire.ISO_MILLIS.format(w.createdAt()))
          .put("isActive", w.active())
          .put("isDefault", w.isDefault());
    }
    return send(exchange, 200, Wire.write(Wire.success(list)));
  }

  private int sessions(HttpExchange exchange, String workspaceId, Map<String, List<String>> params)
      throws IOException, BadRequest {
    if (data.workspace(workspaceId).isEmpty()) {
      return send(exchange, 404, Wire.error("Workspace not found"));
    }
    Page page = SessionQuery.parse(params).apply(data.sessions(workspaceId),
        createdBeforeStart ? PathSimEmulator::createdAt : null);
    Exchanges.send(exchange, 200, "application/json", ListingJson.write(page, dayFirst));
    return 200;
  }

  private int session(HttpExchange exchange, String id) throws IOException {
    Optional<Session> session = data.session(id);
    if (session.isEmpty()) {
      return send(exchange, 404, Wire.error("Session not found"));
    }
    return send(exchange, 200, Wire.write(Wire.success(SessionJson.detail(session.get(), baseUrl, dayFirst))));
  }

  private int recording(HttpExchange exchange, String id, String download) throws IOException {
    Optional<Session> found = data.session(id);
    if (found.isEmpty()) {
      return send(exchange, 404, Wire.error("Session not found"));
    }
    Session s = found.get();
    if (!s.detail().hasRecording()) {
      return send(exchange, 404, Wire.error("Recording not found"));
    }
    if ("true".equals(download)) {
      exchange.getResponseHeaders().set("Location", storageUrl + "/recordings/" + s.recordingFileName());
      Exchanges.send(exchange, 302, "text/plain", new byte[0]);
      return 302;
    }
    ObjectNode info = Wire.object()
        .put("message", "Recording available for download")
        .put("download_url", baseUrl + "/sessions/" + id + "/recording?download=true")
        .put("session_id", id)
        .put("file_type", s.recordingType())
        .put("instructions", "Add ?download=true to the URL to download the file directly");
    return send(exchange, 200, Wire.write(Wire.success(info)));
  }

  private static int send(HttpExchange exchange, int status, String json) throws IOException {
    Exchanges.sendJson(exchange, status, json);
    return status;
  }

  /** The endpoints, told apart by the path's segments; an empty id segment matches none. */
  private enum Route {
    WORKSPACES, SESSIONS, SESSION, RECORDING;

    static Route of(String[] p) {
      if (p.length < 2 || p.length > 4 || !p[0].isEmpty() || p.length > 2 && p[2].isEmpty()) {
        return null;
      }
      String tail = p.length == 4 ? p[3] : null;
      if (p[1].equals("workspaces")) {
        return p.length == 2 ? WORKSPACES : "sessions".equals(tail) ? SESSIONS : null;
      }
      if (p[1].equals("sessions")) {
        return p.length == 3 ? SESSION : "recording".equals(tail) ? RECORDING : null;
      }
      return null;
    }
  }
}
