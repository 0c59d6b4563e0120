package io.convosql.sandbox.pathsim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The organization's five workspaces and the share of sessions each holds: four active, one inactive,
 * one default, and one active workspace that never ran a test.
 */
final class WorkspaceCatalog {
  private record Entry(String name, String description, boolean active, boolean isDefault, int share) {}

  private static final List<Entry> ENTRIES = List.of(
      new Entry("Production Workspace", "Main production environment", true, false, 50),
      new Entry("Staging", "Pre-release checks against the staging agents", true, true, 25),
      new Entry("QA Regression", "Nightly regression suites", true, false, 15),
      new Entry("Legacy IVR", "Tests of the retired IVR flows, kept for reference", false, false, 10),
      new Entry("Sales Demos", "Demo scenarios for prospects", true, false, 0));

  private WorkspaceCatalog() {}

  /** The workspaces, created a year or so before {@code now}, with ids drawn from {@code random}. */
  static List<Workspace> generate(SplittableRandom random, Instant now) {
    String organizationId = Ids.uuid(random);
    List<Workspace> workspaces = new ArrayList<>();
    Instant created = now.truncatedTo(ChronoUnit.DAYS).minus(400 + random.nextInt(200), ChronoUnit.DAYS);
    for (Entry e : ENTRIES) {
      created = created.plusSeconds(3600 + random.nextInt(30 * 86_400));
      workspaces.add(new Workspace(Ids.uuid(random), e.name(), e.description(), organizationId,
          created, e.active(), e.isDefault()));
    }
    return List.copyOf(workspaces);
  }

  /**
   * How many of {@code total} sessions each workspace holds, in workspace order; the rounding remainder
   * goes to the first.
   */
  static int[] counts(int total) {
    int[] counts = new int[ENTRIES.size()];
    int assigned = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = total * ENTRIES.get(i).share() / 100;
      assigned += counts[i];
    }
    counts[0] += total - assigned;
    return counts;
  }
}
