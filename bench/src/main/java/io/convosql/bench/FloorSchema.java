package io.convosql.bench;

import java.sql.Timestamp;

/**
 * Calcite's own floor for a first query on a table: a schema Calcite's {@code ReflectiveSchema} reads
 * from this class's public fields, so a {@code jdbc:calcite:} connection plans and runs a table scan
 * with a LIMIT through the same parser, planner and code generator a convosql adapter table goes
 * through, with no adapter, HTTP or JSON of ours. Opened with
 * {@code jdbc:calcite:schemaFactory=org.apache.calcite.adapter.java.ReflectiveSchema$Factory;schema.class=}
 * this class's name.
 */
public final class FloorSchema {
  /** One row per session, as PathSim's {@code sessions} has an id and a start time. */
  public final Session[] sessions = {
      new Session("s-1", Timestamp.valueOf("2025-08-10 10:00:00")),
      new Session("s-2", Timestamp.valueOf("2025-08-11 11:30:00")),
  };

  /** A row of {@link #sessions}. */
  public static final class Session {
    public final String id;
    public final Timestamp started_at; // the column's name as in PathSim's table

    Session(String id, Timestamp startedAt) {
      this.id = id;
      this.started_at = startedAt;
    }
  }
}
