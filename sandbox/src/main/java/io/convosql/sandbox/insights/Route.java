package io.convosql.sandbox.insights;

/** Which endpoint a path below the host root names, with the session id it carries. */
record Route(Endpoint endpoint, String sessionId) {
  private static final String SESSIONS = "/insights/sessions";

  /** The four endpoints and the one method each answers. */
  enum Endpoint {
    SEARCH("GET"), GET_SESSION("GET"), SEARCH_BY_ID("GET"), DELETE_SESSION("DELETE");

    final String method;

    Endpoint(String method) {
      this.method = method;
    }
  }

  /** The route of a path, or null when no endpoint has that path. */
  static Route of(String path) {
    if (path.equals(SESSIONS)) {
      return new Route(Endpoint.SEARCH, null);
    }
    if (!path.startsWith(SESSIONS + "/")) {
      return null;
    }
    String[] parts = path.substring(SESSIONS.length() + 1).split("/", -1);
    if (parts.length == 1 && !parts[0].isEmpty()) {
      return new Route(Endpoint.DELETE_SESSION, parts[0]);
    }
    if (parts.length == 2 && parts[0].equals("search") && !parts[1].isEmpty()) {
      return new Route(Endpoint.SEARCH_BY_ID, parts[1]);
    }
    if (parts.length == 2 && parts[1].equals("parameters") && !parts[0].isEmpty()) {
      return new Route(Endpoint.GET_SESSION, parts[0]);
    }
    return null;
  }
}
