package io.usher.application.settings;

import io.usher.domain.common.FieldError;
import io.usher.domain.common.Transactions;
import io.usher.domain.common.ValidationException;
import io.usher.domain.settings.SettingDefaults;
import io.usher.domain.settings.SettingKey;
import io.usher.domain.settings.Settings;
import io.usher.domain.settings.SettingsStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reading and changing settings by their public keys; unknown keys are refused by name. Usher's own
 * reads go through the typed {@link Settings} accessors this implements.
 */
public final class SettingsService implements Settings {
  private final Transactions tx;
  private final SettingsStore store;

  public SettingsService(Transactions tx, SettingsStore store) {
    this.tx = tx;
    this.store = store;
  }

  /** The effective value (stored, else the default), unmasked: for Usher's own use. */
  public String value(String key) {
    SettingKey def = known(key);
    return store.get(def.key()).orElse(def.defaultValue());
  }

  @Override
  public String lookup(String key) {
    return value(key);
  }

  /** The first-run guide's steps, as the dashboard's checklist names what was skipped. */
  public enum GuideStep {
    SERVER,
    GROUPS,
    PLAN,
    MAIL,
    PAYMENTS,
    ADDRESS
  }

  private static final String GUIDE_SEEN = "internal.guide.seen";
  private static final String GUIDE_SKIPPED = "internal.guide.skipped";

  /** Whether the owner went through (or closed) the first-run guide once. */
  public boolean guideSeen() {
    return store.get(GUIDE_SEEN).isPresent();
  }

  /** The steps the owner skipped the last time through the guide. */
  public java.util.Set<GuideStep> guideSkipped() {
    java.util.Set<GuideStep> out = java.util.EnumSet.noneOf(GuideStep.class);
    for (String name : store.get(GUIDE_SKIPPED).orElse("").split(",")) {
      for (GuideStep step : GuideStep.values()) {
        if (step.name().equals(name)) {
          out.add(step);
        }
      }
    }
    return out;
  }

  /** The guide was finished or closed, these steps skipped; it does not open by itself again. */
  public void guideDone(java.util.Set<GuideStep> skipped) {
    tx.run(
        () -> {
          store.put(GUIDE_SEEN, "true");
          store.put(
              GUIDE_SKIPPED,
              String.join(",", skipped.stream().sorted().map(GuideStep::name).toList()));
        });
  }

  /** The value as a person may see it: secrets masked. */
  public SettingView view(String key) {
    SettingKey def = known(key);
    String value = store.get(key).orElse(def.defaultValue());
    return new SettingView(
        key,
        def.secret() ? SettingKey.mask(value) : value,
        def.defaultValue(),
        def.secret(),
        def.description());
  }

  public List<SettingView> list() {
    Map<String, String> stored = store.stored();
    return SettingDefaults.ALL.stream()
        .map(
            def -> {
              String value = stored.getOrDefault(def.key(), def.defaultValue());
              return new SettingView(
                  def.key(),
                  def.secret() ? SettingKey.mask(value) : value,
                  def.defaultValue(),
                  def.secret(),
                  def.description());
            })
        .toList();
  }

  /** Stores a value after checking it against the key's type; returns the view of it. */
  public SettingView set(String key, String value) {
    SettingKey def = known(key);
    store.put(def.key(), def.type().normalize(key, value));
    return view(key);
  }

  /**
   * Stores several values at once, as a settings form saves them: every value is checked first, and
   * if any is refused none is stored, with each refusal named by its key.
   */
  public List<SettingView> setAll(Map<String, String> values) {
    Map<String, String> checked = new LinkedHashMap<>();
    List<FieldError> refused = new ArrayList<>();
    values.forEach(
        (key, value) -> {
          SettingKey def = known(key);
          try {
            checked.put(def.key(), def.type().normalize(key, value));
          } catch (ValidationException e) {
            refused.addAll(e.errors());
          }
        });
    if (!refused.isEmpty()) {
      throw new ValidationException(refused);
    }
    return tx.inTransaction(
        () -> {
          checked.forEach(store::put);
          return checked.keySet().stream().map(this::view).toList();
        });
  }

  private static SettingKey known(String key) {
    return SettingKey.find(key)
        .orElseThrow(
            () ->
                ValidationException.of(
                    "key",
                    "Unknown setting '"
                        + key
                        + "'. Known settings: "
                        + SettingDefaults.ALL.stream()
                            .map(SettingKey::key)
                            .collect(Collectors.joining(", "))
                        + "."));
  }
}
