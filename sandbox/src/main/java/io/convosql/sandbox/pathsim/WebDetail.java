package io.convosql.sandbox.pathsim;

import java.util.List;
import java.util.Objects;

/** The detail fields of a web test: whether the site was reached, the intent met, and the steps run. */
public record WebDetail(
    Boolean reachedTargetWebsite, Boolean intentAchieved, String targetUrl, List<Step> steps) {

  public WebDetail {
    Objects.requireNonNull(targetUrl, "targetUrl");
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
  }
}
