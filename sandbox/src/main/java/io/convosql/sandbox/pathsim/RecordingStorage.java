package io.convosql.sandbox.pathsim;

import com.sun.net.httpserver.HttpExchange;
import io.convosql.sandbox.ApiHandler;
import io.convosql.sandbox.Exchanges;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage host recording downloads redirect to: serves {@code /recordings/{id}.wav} or
 * {@code .mp4} without authentication and, as real storage hosts do, rejects requests that carry
 * another service's credentials.
 */
final class RecordingStorage implements ApiHandler {
  private static final String PREFIX = "/recordings/";

  private final PathSimData data;

  RecordingStorage(PathSimData data) {
    this.data = Objects.requireNonNull(data, "data");
  }

  @Override
  public String api() {
    return "storage";
  }

  @Override
  public int handle(HttpExchange exchange, String method, String path, Map<String, List<String>> params)
      throws IOException {
    if (exchange.getRequestHeaders().containsKey("Authorization")
        || exchange.getRequestHeaders().containsKey("X-Vgai-Key")) {
      return fail(exchange, 400, "unexpected credentials");
    }
    Optional<Session> session =
        path.startsWith(PREFIX) ? find(path.substring(PREFIX.length())) : Optional.empty();
    if (session.isEmpty()) {
      return fail(exchange, 404, "not found");
    }
    if (!method.equals("GET")) {
      exchange.getResponseHeaders().set("Allow", "GET");
      return fail(exchange, 405, "method not allowed");
    }
    Session s = session.get();
    Exchanges.send(exchange, 200, s.recordingType(), RecordingBytes.of(data.seed(), s));
    return 200;
  }

  private Optional<Session> find(String fileName) {
    int dot = fileName.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return data.session(fileName.substring(0, dot))
        .filter(s -> s.detail().hasRecording() && s.recordingFileName().equals(fileName));
  }

  private static int fail(HttpExchange exchange, int status, String message) throws IOException {
    Exchanges.sendJson(exchange, status, Wire.write(Wire.object().put("error", message)));
    return status;
  }
}
