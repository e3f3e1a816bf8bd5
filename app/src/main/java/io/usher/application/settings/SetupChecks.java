package io.usher.application.settings;

import io.usher.domain.settings.SetupCheckStore;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether the owner's mail server and payment keys were tested and worked, with the settings as
 * they are now: the dashboard's checklist asks for "tested", not just "filled in". A test that
 * passes is remembered with the values it used; changing any of them makes it untested again.
 */
public final class SetupChecks {
  /** What can be tested, and the settings each test depends on. */
  public enum Check {
    MAIL("smtp.host", "smtp.port", "smtp.security", "smtp.user", "smtp.password", "smtp.from"),
    STRIPE("stripe.api-url", "stripe.secret-key"),
    PAYPAL(
        "paypal.api-url",
        "paypal.client-id",
        "paypal.secret",
        "paypal.secondary-client-id",
        "paypal.secondary-secret");

    private final List<String> keys;

    Check(String... keys) {
      this.keys = List.of(keys);
    }
  }

  private final SetupCheckStore store;
  private final SettingsService settings;
  private final Clock clock;

  public SetupChecks(SetupCheckStore store, SettingsService settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** The test passed with the settings as they are now. */
  public void passed(Check check) {
    store.passed(check.name(), values(check), clock.instant());
  }

  /** Whether the test passed with the settings as they are now. */
  public boolean tested(Check check) {
    return store.passedWith(check.name(), values(check));
  }

  private String values(Check check) {
    return check.keys.stream()
        .map(k -> k + "=" + settings.value(k))
        .collect(Collectors.joining("\n"));
  }
}
