package io.convosql.sandbox.insights;

import java.util.Objects;

/** An AI Studio agent of the sandbox account: ids, name, voice, language and the phone number it answers. */
public record InsightsAgent(String id, String versionId, String name, String voice, String language,
    String phoneNumber) {

  public InsightsAgent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(phoneNumber, "phoneNumber");
  }
}
