package io.usher.domain.plans;

import java.util.ArrayList;
import java.util.List;

/** What a plan lets its users do, in a few words. */
public final class PlanLimits {
  private PlanLimits() {}

  /**
   * One phrase per limit, short enough for one or two lines beside a user ("4 streams, downloads,
   * transcoding"); Emby devices only when the plan sets them.
   */
  public static String brief(PlanSpec plan) {
    List<String> limits = new ArrayList<>();
    limits.add(plan.maxStreams() == 1 ? "1 stream" : plan.maxStreams() + " streams");
    limits.add(plan.downloads() ? "downloads" : "no downloads");
    limits.add(plan.transcode() ? "transcoding" : "original quality only");
    if (plan.maxDevices() != null) {
      limits.add(plan.maxDevices() + (plan.maxDevices() == 1 ? " Emby device" : " Emby devices"));
    }
    return String.join(", ", limits);
  }
}
