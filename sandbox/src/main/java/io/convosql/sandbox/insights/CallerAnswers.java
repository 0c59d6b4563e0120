package io.convosql.sandbox.insights;

import io.convosql.sandbox.insights.Scenario.Answer;
import io.convosql.sandbox.insights.Scenario.Answers;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The ways callers answer an agent's questions: names, dates, phone numbers, numbers and choices. */
final class CallerAnswers {
  private static final List<String> FIRST = List.of(
      "Benjamin", "Maria", "John", "Aisha", "Liam", "Sofia", "Noah", "Priya", "Lucas", "Emma",
      "Oliver", "Chen", "Fatima", "Jack", "Olivia", "Mateo", "Hannah", "Yusuf", "Grace", "Daniel");
  private static final List<String> LAST = List.of(
      "Smith", "Garcia", "Khan", "O'Brien", "Rossi", "Nguyen", "Cohen", "Williams", "Patel", "Brown");
  private static final List<String> STREETS = List.of(
      "Baker Street", "Elm Avenue", "High Street", "Maple Drive", "Station Road", "Ocean Parade");
  private static final List<String> DAY_WORDS = List.of(
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
      "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second", "twenty-third",
      "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth",
      "twenty-ninth", "thirtieth", "thirty-first");

  private CallerAnswers() {}

  static Answers names() {
    return (r, day) -> {
      String name = pick(r, FIRST) + (r.nextBoolean() ? " " + pick(r, LAST) : "");
      return new Answer(pick(r, List.of("My name is %s", "It's %s", "%s", "This is %s")).formatted(name),
          name, name);
    };
  }

  static Answers dates() {
    return (r, day) -> {
      int ahead = 1 + r.nextInt(21);
      LocalDate date = day.plusDays(ahead);
      String text = ahead == 1 ? "tomorrow"
          : ahead < 7 ? "on " + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
          : "on the " + DAY_WORDS.get(date.getDayOfMonth() - 1);
      return new Answer(pick(r, List.of("Can we do %s?", "%s please", "How about %s", "%s")).formatted(text),
          text, date.toString());
    };
  }

  static Answers phones() {
    return (r, day) -> {
      String digits = Ids.phone(r, "", 10);
      String spoken = digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
      return new Answer("My number is " + spoken, spoken, digits);
    };
  }

  static Answers numbers(int length) {
    return (r, day) -> {
      String digits = Ids.phone(r, "", length);
      return new Answer(pick(r, List.of("It's %s", "%s", "The number is %s")).formatted(digits), digits, digits);
    };
  }

  static Answers addresses() {
    return (r, day) -> {
      String address = (1 + r.nextInt(240)) + " " + pick(r, STREETS);
      return new Answer(pick(r, List.of("I live at %s", "%s", "It's %s")).formatted(address), address, address);
    };
  }

  static Answers references() {
    return (r, day) -> {
      String ref = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26))
          + (100 + r.nextInt(900));
      return new Answer("The reference is " + ref, ref, ref);
    };
  }

  /** One of fixed choices, said inside a template such as {@code "A %s one, please"}. */
  static Answers choices(String template, String... options) {
    return (r, day) -> {
      String option = options[r.nextInt(options.length)];
      return new Answer(template.formatted(option), option, option.toLowerCase(Locale.ROOT));
    };
  }

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
