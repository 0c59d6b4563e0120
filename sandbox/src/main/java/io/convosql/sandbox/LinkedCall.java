package io.convosql.sandbox;

import java.time.Instant;

/**
 * A PathSim voice test call that reached an Insights agent: the number the test dialled (the agent's
 * phone number, Insights {@code destination}), the caller number the test used (Insights {@code source})
 * and when the call started. The Insights emulator turns each into a session a few seconds later, so
 * the two APIs' data can be joined as the real ones can.
 */
public record LinkedCall(String agentPhone, String callerPhone, Instant startedAt, String virtualCustomer) {}
