package io.convosql.sandbox.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** What one kind of agent talks about: its greeting and the intents callers come with. */
record Scenario(String name, String voice, String language, String countryCode, String greeting,
    List<Intent> intents) {

  Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(countryCode, "countryCode");
    Objects.requireNonNull(greeting, "greeting");
    intents = List.copyOf(intents);
  }

  /**
   * A reason to call: its tag, what callers say, the parameters the agent collects, what the agent
   * says when done ({@code {param}} is replaced by the caller's words) and an optional webhook.
   */
  record Intent(String tag, List<String> utterances, List<Slot> slots, String done, Webhook webhook) {
    Intent {
      Objects.requireNonNull(tag, "tag");
      utterances = List.copyOf(utterances);
      slots = List.copyOf(slots);
      Objects.requireNonNull(done, "done");
    }
  }

  /** A parameter the agent asks for: its name, entity type, question and how callers answer. */
  record Slot(String name, String type, String question, Answers answers) {
    Slot {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(answers, "answers");
    }
  }

  /** A webhook the agent calls once the parameters are collected. */
  record Webhook(String url, String verb) {
    Webhook {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(verb, "verb");
    }
  }

  /** How a caller answers a question on a given day. */
  @FunctionalInterface
  interface Answers {
    Answer pick(Random random, LocalDate day);
  }

  /** A caller's answer: what they said, the words that held the value, and the normalised value. */
  record Answer(String utterance, String valueText, String value) {
    Answer {
      Objects.requireNonNull(utterance, "utterance");
      Objects.requireNonNull(valueText, "valueText");
      Objects.requireNonNull(value, "value");
    }
  }
}
