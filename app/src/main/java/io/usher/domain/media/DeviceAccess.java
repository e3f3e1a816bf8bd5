package io.usher.domain.media;

import java.util.List;
import java.util.Map;

/**
 * A server that lists the devices accounts signed in from and can limit an account to some of them
 * (Emby). Every method does what it says or throws a {@link MediaServerException}.
 */
public interface DeviceAccess {
  /** Every device the server knows, with the account that used it last. */
  List<RemoteDevice> devices();

  /** Which devices each non-administrator account may use, by account id. */
  Map<String, DevicePolicy> devicePolicies();

  /** Sets which devices the account may sign in from; false when the account is gone. */
  boolean setDevicePolicy(String accountId, String name, DevicePolicy policy);

  /** Forgets the device, which signs it out; a device already gone is fine. */
  void forget(RemoteDevice device);
}
