package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.insights.Scenario.Answer;
import io.convosql.sandbox.insights.Scenario.Intent;
import io.convosql.sandbox.insights.Scenario.Slot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * One caller's conversation with an agent, played turn by turn into a transcript of 4 to 20 turns and
 * the matching flow path, with the tags and parameters collected on the way.
 */
final class Conversation {
  /** How the conversation ends: the flow runs to its end, the caller hangs up, or it is still going. */
  enum Ending { COMPLETED, ABANDONED, IN_PROGRESS }

  private static final List<String> UNCLEAR = List.of(
      "Sorry, what?", "Hmm, hold on a second.", "I'm not sure.", "Can you repeat that?", "Uh...",
      "What was that?");
  private static final List<String> CLOSINGS = List.of(
      "No, that's all. Thank you!", "No thanks, bye.", "That's it, thanks.", "Nope, great, thank you.");
  private static final List<String> GOODBYES = List.of(
      "You're welcome. Goodbye!", "Thanks for calling. Have a great day!", "Take care, goodbye.");
  private static final int MAX_TURNS = 20;

  /** Thrown when the turn limit is reached: the caller hung up or the session is still going. */
  private static final class Cut extends Exception {
    Cut() {
      super(null, null, false, false);
    }
  }

  final List<ObjectNode> transcript = new ArrayList<>();
  final ArrayNode flowPath = Json.NODES.arrayNode();
  final List<String> requestIds = new ArrayList<>();
  final List<String[]> collectedTags = new ArrayList<>();
  final Map<String, ObjectNode> collectedParameters = new LinkedHashMap<>();
  int durationMs;
  int statusCode;

  private final AgentProfile profile;
  private final Random random;
  private final FlowSteps steps;
  private final LocalDate day;
  private final boolean voice;
  private int turnLimit = Integer.MAX_VALUE;
  private String requestId;
  private ArrayNode parameters = Json.NODES.arrayNode();

  private Conversation(AgentProfile profile, Random random, String sessionId, String channel, LocalDate day) {
    this.profile = Objects.requireNonNull(profile, "profile");
    this.random = Objects.requireNonNull(random, "random");
    this.steps = new FlowSteps(sessionId, profile.agent(), channel);
    this.day = Objects.requireNonNull(day, "day");
    this.voice = channel.equals("voice");
  }

  /**
   * Plays one conversation; every choice is drawn from {@code random}. Most callers are understood at
   * once; the others need the agent to ask again, up to the 20-turn limit.
   */
  static Conversation play(AgentProfile profile, Random random, String sessionId, String channel,
      LocalDate day, Ending ending) {
    Conversation c = new Conversation(profile, random, sessionId, channel, day);
    Intent intent = CallerAnswers.pick(random, profile.scenario().intents());
    int core = 5 + 2 * intent.slots().size();
    int retries = random.nextInt(100) < 55 ? 0 : random.nextInt(1 + (MAX_TURNS - core) / 2);
    if (ending != Ending.COMPLETED) {
      c.turnLimit = 4 + random.nextInt(core + 2 * retries - 4);
    }
    try {
      c.run(intent, retries);
    } catch (Cut cut) {
      if (ending == Ending.ABANDONED) {
        c.end("abandoned");
      }
    }
    return c;
  }

  private void run(Intent intent, int retries) throws Cut {
    requestId = newRequest();
    add(steps.internal("start", profile.node("start"), requestId, "", parameters, 0));
    String greeting = profile.scenario().greeting();
    agent("greeting", greeting, true);
    int[] retriesAt = new int[intent.slots().size() + 1];
    for (int i = 0; i < retries; i++) {
      retriesAt[random.nextInt(retriesAt.length)]++;
    }
    for (int i = 0; i < retriesAt[0]; i++) {
      unclear("collect_input", "intent");
      agent("greeting", "Sorry, I didn't catch that. How can I help you?", true);
    }
    ObjectNode intentStep = user("collect_input", "intent", CallerAnswers.pick(random, intent.utterances()));
    collect(intentStep, intent.tag(), profile.intentCategory());
    for (Slot slot : intent.slots()) {
      parameters.add(FlowSteps.parameter(slot, null));
    }
    Map<String, String> said = new LinkedHashMap<>();
    for (int s = 0; s < intent.slots().size(); s++) {
      Slot slot = intent.slots().get(s);
      agent("ask_" + slot.name(), slot.question(), true);
      for (int i = 0; i < retriesAt[s + 1]; i++) {
        unclear("param_completion", "fill_" + slot.name());
        agent("ask_" + slot.name(), "Sorry, I didn't get that. " + slot.question(), true);
      }
      Answer answer = slot.answers().pick(random, day);
      hear(answer.utterance());
      parameters.set(s, FlowSteps.parameter(slot, answer));
      ObjectNode completion = respond("param_completion", "fill_" + slot.name(), answer.utterance());
      ObjectNode collected = FlowSteps.parameter(slot, answer);
      if (voice) {
        collected.put("audio_url", profile.agent().versionId() + "/" + requestId + "/" + slot.name() + ".mp3");
      }
      FlowSteps.altered(completion, "completed", collected);
      collectedParameters.put(slot.name(), collected);
      said.put(slot.name(), answer.valueText());
    }
    boolean failed = false;
    if (intent.webhook() != null) {
      failed = random.nextInt(20) == 0;
      Map<String, String> payload = new LinkedHashMap<>();
      collectedParameters.forEach((name, p) -> payload.put(name, p.get("value").asText()));
      add(steps.webhook(profile.node("webhook"), requestId, intent.webhook(), FlowSteps.pythonJson(payload),
          !failed, parameters, 80 + random.nextInt(1400)));
    }
    String done = failed
        ? "Sorry, I'm having trouble reaching our system. Let me transfer you to a colleague."
        : fill(intent.done(), said);
    agent("done", done + " Is there anything else I can help you with?", true);
    user("collect_input", "anything_else", CallerAnswers.pick(random, CLOSINGS));
    agent("goodbye", CallerAnswers.pick(random, GOODBYES), false);
    statusCode = failed ? 200 : retries >= 3 ? 100 : 0;
    end(failed || intent.tag().equals("speak_to_agent") ? "transferred" : "resolved");
  }

  private void agent(String node, String text, boolean question) throws Cut {
    turn(profile.agent().versionId(), text);
    int time = voice ? 60 * text.length() + random.nextInt(400) : 50 + random.nextInt(350);
    add(steps.say(profile.node(node), requestId, text, question, parameters, time));
  }

  private ObjectNode user(String type, String node, String text) throws Cut {
    hear(text);
    return respond(type, node, text);
  }

  /** The caller's turn: a new request begins. */
  private void hear(String text) throws Cut {
    turn("user", text);
    requestId = newRequest();
    durationMs += 1500 + random.nextInt(4500);
  }

  /** The node that handles what the caller just said. */
  private ObjectNode respond(String type, String node, String text) {
    ObjectNode step = steps.internal(type, profile.node(node), requestId, text, parameters,
        20 + random.nextInt(230));
    add(step);
    return step;
  }

  private void unclear(String type, String node) throws Cut {
    collect(user(type, node, CallerAnswers.pick(random, UNCLEAR)), "invalid", profile.qualityCategory());
  }

  private void end(String outcome) {
    ObjectNode step = steps.internal("end_call", profile.node("end"), requestId, "", parameters, 0);
    collect(step, outcome, profile.outcomeCategory());
    add(step);
  }

  private void turn(String speaker, String text) throws Cut {
    if (transcript.size() >= turnLimit) {
      throw new Cut();
    }
    transcript.add(Json.object().put(speaker, text));
  }

  private void add(ObjectNode step) {
    durationMs += step.get("execution_time").asInt();
    flowPath.add(step);
  }

  private void collect(ObjectNode step, String tag, String category) {
    FlowSteps.tag(step, tag, category);
    collectedTags.add(new String[] {tag, category});
  }

  private String newRequest() {
    String id = Ids.uuid(random);
    requestIds.add(id);
    return id;
  }

  private static String fill(String template, Map<String, String> said) {
    String text = template;
    for (Map.Entry<String, String> e : said.entrySet()) {
      text = text.replace("{" + e.getKey() + "}", e.getValue());
    }
    return text;
  }
}
