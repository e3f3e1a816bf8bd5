package io.usher.domain.enforce;

import io.usher.domain.media.DevicePolicy;
import io.usher.domain.media.RemoteDevice;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A plan's device limit on a server that can hold one (Emby). Below the limit the account may sign
 * in anywhere, so a customer can add a device without asking; at the limit it is held to the
 * devices it has; above it (devices signed in before the hold) the least recently used are signed
 * out. A device dropped by the owner frees its place, and the account may add one again.
 */
public final class DeviceRule {
  private DeviceRule() {}

  /**
   * What the account's device access should be.
   *
   * @param policy the device policy the account should have
   * @param forget the devices to sign out, least recently used last
   */
  public record Verdict(DevicePolicy policy, List<RemoteDevice> forget) {}

  /** Most recently used first; a device never said to be used counts as the oldest. */
  static final Comparator<RemoteDevice> RECENT_FIRST =
      Comparator.comparing(
              RemoteDevice::lastActive, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
          .thenComparing(RemoteDevice::id);

  /**
   * @param max the plan's limit; null for none
   * @param used the devices the account used last
   */
  public static Verdict judge(Integer max, List<RemoteDevice> used) {
    if (max == null || used.size() < max) {
      return new Verdict(DevicePolicy.ANY, List.of());
    }
    if (max < 1) {
      throw new IllegalArgumentException("a device limit is at least 1, not " + max);
    }
    List<RemoteDevice> byUse = used.stream().sorted(RECENT_FIRST).toList();
    Set<String> kept = new LinkedHashSet<>();
    byUse.subList(0, max).forEach(d -> kept.addAll(d.policyIds()));
    return new Verdict(DevicePolicy.only(kept), byUse.subList(max, byUse.size()));
  }
}
