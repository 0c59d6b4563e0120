package io.convosql.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One emulated API mounted under a context path. The sandbox strips the context path, records the
 * request with the status the handler answered, and applies the configured latency before answering.
 */
public interface ApiHandler {

  /** The API's name in the request log: {@code "pathsim"} or {@code "insights"}. */
  String api();

  /**
   * Answers one request. {@code path} is the path below the API root (for PathSim below {@code /v1},
   * e.g. {@code /workspaces}); the handler must send a response and return its status.
   */
  int handle(HttpExchange exchange, String method, String path, Map<String, List<String>> params)
      throws IOException;
}
