package io.usher.domain.plans;

import java.util.ArrayList;
import java.util.List;

/** What a plan lets its users do, in the words the checkout page uses. */
public final class PlanLimits {
  private PlanLimits() {}

  /**
   * One phrase per limit: streams, downloads, transcoding and, when the plan sets one, Emby devices
   * (stored with the plan; Usher does not enforce it yet).
   */
  public static List<String> of(PlanSpec plan) {
    List<String> limits = new ArrayList<>();
    limits.add(
        plan.maxStreams() == 1 ? "1 stream at a time" : plan.maxStreams() + " streams at a time");
    limits.add(plan.downloads() ? "Downloads allowed" : "No downloads");
    limits.add(plan.transcode() ? "Transcoding allowed" : "Original quality only");
    if (plan.maxDevices() != null) {
      limits.add(
          "Up to "
              + plan.maxDevices()
              + (plan.maxDevices() == 1 ? " Emby device" : " Emby devices")
              + " (not enforced yet)");
    }
    return limits;
  }

  /** The same, short enough for one or two lines beside a user: "4 streams, downloads, …". */
  public static String brief(PlanSpec plan) {
    List<String> limits = new ArrayList<>();
    limits.add(plan.maxStreams() == 1 ? "1 stream" : plan.maxStreams() + " streams");
    limits.add(plan.downloads() ? "downloads" : "no downloads");
    limits.add(plan.transcode() ? "transcoding" : "original quality only");
    if (plan.maxDevices() != null) {
      limits.add(
          plan.maxDevices()
              + (plan.maxDevices() == 1 ? " Emby device" : " Emby devices")
              + " (not enforced yet)");
    }
    return String.join(", ", limits);
  }
}
