package io.usher.domain.media;

import java.util.Set;

/**
 * Which devices an account may sign in from.
 *
 * @param anyDevice every device may (the server's default); {@code deviceIds} is then empty
 * @param deviceIds the only devices that may, when {@code anyDevice} is false
 */
public record DevicePolicy(boolean anyDevice, Set<String> deviceIds) {
  public static final DevicePolicy ANY = new DevicePolicy(true, Set.of());

  public DevicePolicy {
    deviceIds = anyDevice ? Set.of() : Set.copyOf(deviceIds);
  }

  public static DevicePolicy only(Set<String> deviceIds) {
    return new DevicePolicy(false, deviceIds);
  }
}
