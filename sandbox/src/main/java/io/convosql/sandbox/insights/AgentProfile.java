package io.convosql.sandbox.insights;

import java.util.Objects;

/** An agent with what it talks about and the ids of its three tag categories: intent, outcome, quality. */
record AgentProfile(InsightsAgent agent, Scenario scenario, String intentCategory, String outcomeCategory,
    String qualityCategory) {

  AgentProfile {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(intentCategory, "intentCategory");
    Objects.requireNonNull(outcomeCategory, "outcomeCategory");
    Objects.requireNonNull(qualityCategory, "qualityCategory");
  }

  /** The id of one of the agent's flow nodes, the same in every session. */
  String node(String key) {
    return Ids.derived(agent.id(), key);
  }
}
