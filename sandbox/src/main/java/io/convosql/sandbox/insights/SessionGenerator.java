package io.convosql.sandbox.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.convosql.sandbox.LinkedCall;
import io.convosql.sandbox.insights.Conversation.Ending;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the sandbox account's agents and their session documents, shaped like the API document's
 * example, from one seeded random source; a few documents lack fields or hold nulls, as real ones do.
 */
final class SessionGenerator {
  private static final long HISTORY_MICROS = 180 * IsoTime.MICROS_PER_DAY;

  private final Random random;
  private final String accountId;
  private final List<AgentProfile> profiles = new ArrayList<>();
  private final List<String> callers = new ArrayList<>();

  SessionGenerator(long seed) {
    this.random = new Random(seed);
    this.accountId = Ids.hex(random, 24);
    for (Scenario scenario : ScenarioCatalog.ALL) {
      String phone = Ids.phone(random, scenario.countryCode(), scenario.countryCode().equals("61") ? 9 : 10);
      profiles.add(profile(scenario, scenario.name(), phone));
    }
    for (int i = 0; i < 400; i++) {
      callers.add(Ids.phone(random, CallerAnswers.pick(random, List.of("1", "1", "44", "61", "972")), 10));
    }
  }

  String accountId() {
    return accountId;
  }

  List<InsightsAgent> agents() {
    return profiles.stream().map(AgentProfile::agent).toList();
  }

  /** A session of a random agent at a random time in the 180 days before {@code nowMicros}. */
  ObjectNode historical(long nowMicros) {
    long start = nowMicros - 1 - random.nextLong(HISTORY_MICROS);
    if (random.nextInt(100) == 0) {
      start -= Math.floorMod(start, 1_000_000L);
    }
    return at(start);
  }

  /** A session of a random agent starting at the given time. */
  ObjectNode at(long startMicros) {
    int p = random.nextInt(100);
    Ending ending = p < 3 ? Ending.IN_PROGRESS : p < 8 ? Ending.ABANDONED : Ending.COMPLETED;
    int c = random.nextInt(100);
    String channel = c < 80 ? "voice" : c < 92 ? "whatsapp" : "http";
    AgentProfile profile = CallerAnswers.pick(random, profiles);
    String caller = random.nextInt(10) < 7 ? CallerAnswers.pick(random, callers) : Ids.phone(random, "1", 10);
    return document(profile, startMicros, channel, caller, profile.agent().phoneNumber(), ending);
  }

  /** The session a PathSim voice call produced, a few seconds after the call started. */
  ObjectNode linked(LinkedCall call) {
    AgentProfile profile = profileFor(call.agentPhone());
    long start = IsoTime.micros(call.startedAt()) + 2_000_000L + random.nextLong(88_000_001L);
    Ending ending = random.nextInt(20) == 0 ? Ending.ABANDONED : Ending.COMPLETED;
    return document(profile, start, "voice", call.callerPhone(), call.agentPhone(), ending);
  }

  private AgentProfile profileFor(String phone) {
    String digits = Ids.digits(phone);
    for (AgentProfile profile : profiles) {
      if (Ids.digits(profile.agent().phoneNumber()).equals(digits)) {
        return profile;
      }
    }
    Scenario scenario = ScenarioCatalog.ALL.get(Math.floorMod(digits.hashCode(), ScenarioCatalog.ALL.size()));
    String suffix = digits.substring(Math.max(0, digits.length() - 4));
    AgentProfile created = profile(scenario, scenario.name() + " " + suffix, phone);
    profiles.add(created);
    return created;
  }

  private AgentProfile profile(Scenario scenario, String name, String phone) {
    InsightsAgent agent = new InsightsAgent(Ids.hex(random, 24), Ids.hex(random, 24), name, scenario.voice(),
        scenario.language(), phone);
    return new AgentProfile(agent, scenario, Ids.hex(random, 32), Ids.hex(random, 32), Ids.hex(random, 32));
  }

  private ObjectNode document(AgentProfile profile, long start, String channel, String source,
      String destination, Ending ending) {
    InsightsAgent agent = profile.agent();
    String id = Ids.uuid(random);
    Conversation c = Conversation.play(profile, random, id, channel, IsoTime.day(start), ending);
    boolean ended = ending != Ending.IN_PROGRESS;
    ObjectNode doc = Json.object();
    c.transcript.forEach(doc.putArray("transcription")::add);
    doc.put("account_id", accountId).put("api_key", "N/A").put("status", ended ? "ended" : "in_progress");
    doc.put("id", id);
    if (random.nextInt(100) == 0) {
      doc.putNull("language");
    } else {
      doc.put("language", agent.language());
    }
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (String[] tag : c.collectedTags) {
      counts.computeIfAbsent(tag[1], k -> new LinkedHashMap<>()).merge(tag[0], 1, Integer::sum);
    }
    ObjectNode tags = doc.putObject("tags");
    counts.forEach((category, byTag) -> byTag.forEach(tags.putObject(category)::put));
    ObjectNode params = doc.putObject("params");
    c.collectedParameters.forEach((name, p) ->
        params.putObject(name).put("completed", true).set("value", p.get("value")));
    if (random.nextInt(20) != 0) {
      ArrayNode tagsList = doc.putArray("tags_list");
      counts.forEach((category, byTag) -> byTag.forEach((tag, n) ->
          tagsList.addObject().put("count", n).put("tag", tag).put("category", category)));
    }
    c.collectedParameters.values().forEach(doc.putArray("params_list")::add);
    ObjectNode info = doc.putObject("agent_information").put("version_id", agent.versionId())
        .put("id", agent.id()).put("name", agent.name());
    if (channel.equals("voice")) {
      info.put("voice", agent.voice());
    } else {
      info.putNull("voice");
    }
    info.put("language", agent.language());
    doc.put("source", source).put("destination", destination).put("channel", channel);
    doc.put("session_start_time", IsoTime.format(start));
    c.requestIds.forEach(doc.putArray("request_ids")::add);
    ObjectNode channelData = doc.putObject("channel_data");
    if (ended) {
      channelData.put("duration", c.durationMs);
      if (channel.equals("voice")) {
        channelData.put("audio_url", accountId + "/" + agent.versionId() + "/" + id + ".mp3");
      }
    }
    channelData.put("call_status", ended ? "ended" : "in_progress").put("status_code", c.statusCode);
    ObjectNode flowData = doc.putObject("flow_data");
    ArrayNode collectedTags = flowData.putArray("collected_tags");
    c.collectedTags.forEach(t -> collectedTags.addObject().put("tag", t[0]).put("category", t[1]));
    ArrayNode collectedParameters = flowData.putArray("collected_parameters");
    c.collectedParameters.values().forEach(p -> collectedParameters.add(p.deepCopy()));
    ArrayNode injected = flowData.putArray("injected_parameters");
    if (channel.equals("voice") && random.nextInt(5) == 0) {
      injected.addObject().put("name", "caller_number").put("value", source);
    }
    doc.set("flow_path", c.flowPath);
    return doc;
  }
}
