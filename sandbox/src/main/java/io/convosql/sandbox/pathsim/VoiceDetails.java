package io.convosql.sandbox.pathsim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Builds the detail of a voice session: transcript, hang-up reason, sentiment and latency. */
final class VoiceDetails {
  private static final List<String> CONNECTED_ENDINGS =
      List.of("agent_hangup", "agent_hangup", "user_hangup", "user_hangup", "max_duration_reached");
  private static final List<String> FAILED_ENDINGS =
      List.of("dial_no_answer", "dial_busy", "dial_failed", "voicemail_reached", "silence_timeout");
  private static final List<String> ERROR_ENDINGS =
      List.of("error_llm_websocket_open", "error_no_audio_received", "error_unknown");
  private static final String GIVE_UP = "user: I'm sorry, I can't help with that over the phone.";

  private VoiceDetails() {}

  static SessionDetail build(
      SplittableRandom random, VirtualCustomer customer, Connection connected, Objective objective) {
    Set<String> nullKeys = Outcomes.nullKeys(connected, objective);
    boolean up = connected == Connection.CONNECTED;
    LatencyStats latency = null;
    if (up && random.nextInt(20) == 0) {
      nullKeys.add("far_end_latency_stats");
    } else if (up) {
      latency = latency(random);
    }
    VoiceDetail voice = new VoiceDetail(
        transcript(random, customer, connected, objective),
        customer.target(),
        up ? pick(random, VoiceCustomers.CALLER_LINES) : null,
        switch (connected) {
          case CONNECTED -> pick(random, CONNECTED_ENDINGS);
          case FAILED -> pick(random, FAILED_ENDINGS);
          case SYSTEM_ERROR -> pick(random, ERROR_ENDINGS);
          case IN_PROGRESS -> null;
        },
        up && random.nextInt(10) > 0 ? sentiment(random, customer, objective) : null,
        latency);
    return new SessionDetail(
        duration(random, connected),
        up ? random.nextInt(20) > 0 : connected == Connection.FAILED && random.nextBoolean(),
        Outcomes.summary(random, customer, connected, objective),
        Outcomes.callSuccessful(connected),
        Outcomes.testSuccessful(connected, objective),
        Outcomes.objectiveMet(objective),
        voice,
        null,
        nullKeys);
  }

  private static Integer duration(SplittableRandom random, Connection connected) {
    return switch (connected) {
      case CONNECTED -> random.nextInt(100) == 0 ? 3600 + random.nextInt(1200) : 30 + random.nextInt(690);
      case FAILED -> random.nextInt(31);
      case SYSTEM_ERROR -> random.nextInt(11);
      case IN_PROGRESS -> null;
    };
  }

  private static String transcript(
      SplittableRandom random, VirtualCustomer customer, Connection connected, Objective objective) {
    List<String> script = customer.lines();
    List<String> lines = new ArrayList<>();
    switch (connected) {
      case CONNECTED -> {
        if (objective == Objective.NOT_ACHIEVED) {
          lines.addAll(script.subList(0, 2 + random.nextInt(script.size() - 3)));
          lines.add(GIVE_UP);
        } else {
          lines.addAll(script);
        }
      }
      case IN_PROGRESS -> lines.addAll(script.subList(0, 1 + random.nextInt(3)));
      case FAILED -> {
        int roll = random.nextInt(10);
        if (roll < 3) {
          return null;
        }
        return roll < 8 ? "" : script.get(0);
      }
      case SYSTEM_ERROR -> {
        return null;
      }
    }
    if (lines.size() > 2 && random.nextInt(10) == 0) {
      lines.add(1 + random.nextInt(lines.size() - 1), pick(random, VoiceCustomers.UNATTRIBUTED));
    }
    return String.join("\n", lines);
  }

  private static String sentiment(SplittableRandom random, VirtualCustomer customer, Objective objective) {
    int roll = random.nextInt(100);
    if (customer.name().contains("Angry")) {
      return roll < 80 ? "Negative" : "Neutral";
    }
    if (objective == Objective.ACHIEVED) {
      return roll < 60 ? "Positive" : roll < 95 ? "Neutral" : "Negative";
    }
    return roll < 10 ? "Positive" : roll < 60 ? "Neutral" : "Negative";
  }

  private static LatencyStats latency(SplittableRandom random) {
    int min = 80 + random.nextInt(80);
    int average = min + 40 + random.nextInt(200);
    int max = average + 60 + random.nextInt(500);
    return new LatencyStats(average, min, max, 5 + random.nextInt(36));
  }

  private static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
