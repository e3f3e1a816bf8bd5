package io.usher.ui.discord;

import io.usher.application.notify.DiscordService;
import io.usher.application.settings.SettingsService;
import io.usher.domain.common.FieldError;
import io.usher.domain.common.ValidationException;
import io.usher.ui.kit.Errors;
import io.usher.ui.kit.UiTasks;
import io.usher.ui.kit.Waiting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the Discord settings: the bot token (never shown back, only its mask), the server and
 * role ids, the kick days, and the verdict of Save or Test. Every call runs through {@link
 * UiTasks}.
 */
public final class DiscordViewModel {
  static final String TOKEN = "discord.bot-token";
  static final String GUILD = "discord.guild-id";
  static final String SUBSCRIBER = "discord.subscriber-role";
  static final String TRIAL = "discord.trial-role";
  static final String KICK = "discord.kick-after-days";

  private final DiscordService discord;
  private final SettingsService settings;
  private final UiTasks tasks;
  private final Waiting waiting;
  private final StringProperty token = new SimpleStringProperty("");
  private final StringProperty tokenShown = new SimpleStringProperty("");
  private final StringProperty guild = new SimpleStringProperty("");
  private final StringProperty subscriberRole = new SimpleStringProperty("");
  private final StringProperty trialRole = new SimpleStringProperty("");
  private final StringProperty kickDays = new SimpleStringProperty("");
  private final StringProperty verdict = new SimpleStringProperty("");
  private final BooleanProperty ok = new SimpleBooleanProperty();
  private final ObjectProperty<List<FieldError>> errors = new SimpleObjectProperty<>(List.of());

  public DiscordViewModel(DiscordService discord, SettingsService settings, UiTasks tasks) {
    this.discord = discord;
    this.settings = settings;
    this.tasks = tasks;
    this.waiting = new Waiting(tasks);
  }

  /** Reads the stored settings (the token only as its mask). */
  public void load() {
    tasks.run(
        () -> {
          Map<String, String> values = new LinkedHashMap<>();
          for (String key : List.of(TOKEN, GUILD, SUBSCRIBER, TRIAL, KICK)) {
            values.put(key, settings.view(key).value());
          }
          return values;
        },
        values -> {
          tokenShown.set(values.get(TOKEN));
          token.set("");
          guild.set(values.get(GUILD));
          subscriberRole.set(values.get(SUBSCRIBER));
          trialRole.set(values.get(TRIAL));
          kickDays.set(values.get(KICK));
        },
        failure -> verdict(false, Errors.sentence(failure)));
  }

  public void save() {
    saveThen(() -> verdict(true, "Discord settings saved."));
  }

  /** Saves the fields, then asks Discord who the bot is. */
  public void test() {
    saveThen(
        () ->
            waiting.run(
                "Asking Discord who the bot is…",
                () -> discord.test(),
                sentence -> verdict(true, sentence),
                failure -> verdict(false, Errors.sentence(failure))));
  }

  private void saveThen(Runnable next) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!token.get().isBlank()) {
      values.put(TOKEN, token.get().strip());
    }
    values.put(GUILD, guild.get());
    values.put(SUBSCRIBER, subscriberRole.get());
    values.put(TRIAL, trialRole.get());
    values.put(KICK, kickDays.get());
    tasks.run(
        () -> {
          List<FieldError> problems = new ArrayList<>();
          values.forEach(
              (key, value) -> {
                try {
                  settings.set(key, value == null ? "" : value.strip());
                } catch (ValidationException e) {
                  problems.addAll(e.errors());
                }
              });
          if (!problems.isEmpty()) {
            throw new ValidationException(problems);
          }
          return settings.view(TOKEN).value();
        },
        shown -> {
          errors.set(List.of());
          token.set("");
          tokenShown.set(shown);
          next.run();
        },
        failure -> {
          errors.set(failure instanceof ValidationException v ? v.errors() : List.of());
          verdict(false, Errors.sentence(failure));
        });
  }

  private void verdict(boolean success, String sentence) {
    ok.set(success);
    verdict.set(sentence);
  }

  public StringProperty token() {
    return token;
  }

  public StringProperty tokenShown() {
    return tokenShown;
  }

  public StringProperty guild() {
    return guild;
  }

  public StringProperty subscriberRole() {
    return subscriberRole;
  }

  public StringProperty trialRole() {
    return trialRole;
  }

  public StringProperty kickDays() {
    return kickDays;
  }

  public StringProperty verdict() {
    return verdict;
  }

  public BooleanProperty ok() {
    return ok;
  }

  public ObjectProperty<List<FieldError>> errors() {
    return errors;
  }

  /** A wait on a service under way, which the owner may stop waiting for. */
  public Waiting waiting() {
    return waiting;
  }
}
