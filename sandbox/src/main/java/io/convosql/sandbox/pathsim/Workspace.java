package io.convosql.sandbox.pathsim;

import java.time.Instant;
import java.util.Objects;

/** One PathSim workspace as {@code GET /workspaces} lists it. */
public record Workspace(
    String id,
    String name,
    String description,
    String organizationId,
    Instant createdAt,
    boolean active,
    boolean isDefault) {

  public Workspace {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(organizationId, "organizationId");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
