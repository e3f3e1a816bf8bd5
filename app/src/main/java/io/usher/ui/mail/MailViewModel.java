package io.usher.ui.mail;

import io.usher.application.notify.MailService;
import io.usher.application.settings.SettingView;
import io.usher.application.settings.SettingsService;
import io.usher.application.settings.SetupTests;
import io.usher.domain.common.FieldError;
import io.usher.domain.common.ValidationException;
import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailTemplate;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Mail screen: the SMTP settings as typed, the test mail's verdict, and the template
 * being edited with its live preview. Every call to Usher runs through {@link UiTasks}.
 */
public final class MailViewModel {
  static final List<String> SECURITY = List.of("starttls", "ssl", "none");
  private static final Map<String, String> DEFAULT_PORTS =
      Map.of("starttls", "587", "ssl", "465", "none", "25");

  private final MailService mail;
  private final SettingsService settings;
  private final SetupTests tests;
  private final UiTasks tasks;
  private final Waiting waiting;

  private final StringProperty host = new SimpleStringProperty("");
  private final StringProperty port = new SimpleStringProperty("");
  private final StringProperty security = new SimpleStringProperty("starttls");
  private final StringProperty user = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final StringProperty passwordShown = new SimpleStringProperty("");
  private final StringProperty from = new SimpleStringProperty("");
  private final StringProperty ownerEmail = new SimpleStringProperty("");
  private final StringProperty testTo = new SimpleStringProperty("");
  private final StringProperty smtpVerdict = new SimpleStringProperty("");
  private final BooleanProperty smtpOk = new SimpleBooleanProperty();
  private final ObjectProperty<List<FieldError>> smtpErrors = new SimpleObjectProperty<>(List.of());

  private final ObservableList<MailEvent> events =
      FXCollections.observableArrayList(MailEvent.values());
  private final ObjectProperty<MailEvent> event = new SimpleObjectProperty<>();
  private final StringProperty subject = new SimpleStringProperty("");
  private final StringProperty body = new SimpleStringProperty("");
  private final StringProperty previewSubject = new SimpleStringProperty("");
  private final StringProperty previewText = new SimpleStringProperty("");
  private final StringProperty templateVerdict = new SimpleStringProperty("");
  private final BooleanProperty templateOk = new SimpleBooleanProperty();
  private final ObjectProperty<List<FieldError>> templateErrors =
      new SimpleObjectProperty<>(List.of());
  private long previewSeq;

  public MailViewModel(
      MailService mail, SettingsService settings, SetupTests tests, UiTasks tasks) {
    this.mail = mail;
    this.settings = settings;
    this.tests = tests;
    this.tasks = tasks;
    this.waiting = new Waiting(tasks);
    security.addListener(
        (o, was, now) -> {
          if (was != null && now != null && port.get().equals(DEFAULT_PORTS.get(was))) {
            port.set(DEFAULT_PORTS.getOrDefault(now, port.get()));
          }
        });
    subject.addListener((o, was, now) -> preview());
    body.addListener((o, was, now) -> preview());
  }

  /** Reads the SMTP settings and opens the first template (or keeps the one open). */
  public void load() {
    tasks.run(
        () -> {
          Map<String, SettingView> views = new LinkedHashMap<>();
          for (String key : SmtpKeys.ALL) {
            views.put(key, settings.view(key));
          }
          return views;
        },
        views -> {
          host.set(views.get(SmtpKeys.HOST).value());
          security.set(views.get(SmtpKeys.SECURITY).value());
          port.set(views.get(SmtpKeys.PORT).value());
          user.set(views.get(SmtpKeys.USER).value());
          passwordShown.set(views.get(SmtpKeys.PASSWORD).value());
          password.set("");
          from.set(views.get(SmtpKeys.FROM).value());
          ownerEmail.set(views.get(SmtpKeys.OWNER).value());
        },
        failure -> verdict(false, Errors.sentence(failure)));
    select(event.get() == null ? MailEvent.values()[0] : event.get());
  }

  /** Saves every SMTP field; problems are reported per field and the valid ones are kept. */
  public void saveSmtp() {
    saveSmtpThen(() -> verdict(true, "SMTP settings saved."));
  }

  /** Saves the SMTP fields, then sends the test mail to the typed address or owner.email. */
  public void sendTest() {
    saveSmtpThen(
        () ->
            waiting.run(
                "Sending the test mail…",
                () -> tests.mail(testTo.get()),
                (Mail sent) -> verdict(true, "Test email sent to " + sent.to() + "."),
                failure -> verdict(false, Errors.sentence(failure))));
  }

  private void saveSmtpThen(Runnable next) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(SmtpKeys.HOST, host.get());
    values.put(SmtpKeys.PORT, port.get());
    values.put(SmtpKeys.SECURITY, security.get());
    values.put(SmtpKeys.USER, user.get());
    if (!password.get().isEmpty()) {
      values.put(SmtpKeys.PASSWORD, password.get());
    }
    values.put(SmtpKeys.FROM, from.get());
    values.put(SmtpKeys.OWNER, ownerEmail.get());
    tasks.run(
        () -> {
          List<FieldError> problems = new ArrayList<>();
          values.forEach(
              (key, value) -> {
                try {
                  settings.set(key, value);
                } catch (ValidationException e) {
                  problems.addAll(e.errors());
                }
              });
          if (!problems.isEmpty()) {
            throw new ValidationException(problems);
          }
          return settings.view(SmtpKeys.PASSWORD).value();
        },
        shown -> {
          smtpErrors.set(List.of());
          password.set("");
          passwordShown.set(shown);
          next.run();
        },
        failure -> {
          smtpErrors.set(failure instanceof ValidationException v ? v.errors() : List.of());
          verdict(false, Errors.sentence(failure));
        });
  }

  public void select(MailEvent chosen) {
    if (chosen == null) {
      return;
    }
    event.set(chosen);
    tasks.run(
        () -> mail.template(chosen),
        template -> {
          if (chosen == event.get()) {
            show(template, "");
          }
        },
        failure -> templateVerdict(false, Errors.sentence(failure)));
  }

  public void saveTemplate() {
    MailTemplate edited = new MailTemplate(event.get(), subject.get(), body.get());
    tasks.run(
        () -> mail.save(edited),
        saved -> show(saved, "Saved: new " + saved.event().label() + " mails use this wording."),
        failure -> {
          templateErrors.set(failure instanceof ValidationException v ? v.errors() : List.of());
          templateVerdict(false, Errors.sentence(failure));
        });
  }

  public void resetTemplate() {
    MailEvent current = event.get();
    tasks.run(
        () -> mail.reset(current),
        template -> show(template, "Back to Usher's own wording."),
        failure -> templateVerdict(false, Errors.sentence(failure)));
  }

  private void show(MailTemplate template, String message) {
    templateErrors.set(List.of());
    subject.set(template.subject());
    body.set(template.body());
    templateVerdict(true, message);
    preview();
  }

  /** Renders the editor's text with sample values; a slower, older render never wins. */
  private void preview() {
    MailEvent current = event.get();
    if (current == null) {
      return;
    }
    long seq = ++previewSeq;
    MailTemplate typed = new MailTemplate(current, subject.get(), body.get());
    tasks.run(
        () -> mail.preview(typed),
        mail -> {
          if (seq == previewSeq) {
            previewSubject.set(mail.subject());
            previewText.set(mail.text());
          }
        },
        failure -> previewText.set(Errors.sentence(failure)));
  }

  private void verdict(boolean ok, String sentence) {
    smtpOk.set(ok);
    smtpVerdict.set(sentence);
  }

  private void templateVerdict(boolean ok, String sentence) {
    templateOk.set(ok);
    templateVerdict.set(sentence);
  }

  // The properties the view binds to.

  public StringProperty host() {
    return host;
  }

  public StringProperty port() {
    return port;
  }

  public StringProperty security() {
    return security;
  }

  public StringProperty user() {
    return user;
  }

  /** What the owner types; empty keeps the stored password. */
  public StringProperty password() {
    return password;
  }

  /** The stored password, masked ("" when none is set). */
  public StringProperty passwordShown() {
    return passwordShown;
  }

  public StringProperty from() {
    return from;
  }

  public StringProperty ownerEmail() {
    return ownerEmail;
  }

  public StringProperty testTo() {
    return testTo;
  }

  public StringProperty smtpVerdict() {
    return smtpVerdict;
  }

  public BooleanProperty smtpOk() {
    return smtpOk;
  }

  public ObjectProperty<List<FieldError>> smtpErrors() {
    return smtpErrors;
  }

  public ObservableList<MailEvent> events() {
    return events;
  }

  public ObjectProperty<MailEvent> event() {
    return event;
  }

  public StringProperty subject() {
    return subject;
  }

  public StringProperty body() {
    return body;
  }

  public StringProperty previewSubject() {
    return previewSubject;
  }

  public StringProperty previewText() {
    return previewText;
  }

  public StringProperty templateVerdict() {
    return templateVerdict;
  }

  public BooleanProperty templateOk() {
    return templateOk;
  }

  public ObjectProperty<List<FieldError>> templateErrors() {
    return templateErrors;
  }

  /** The setting keys this screen edits. */
  static final class SmtpKeys {
    static final String HOST = "smtp.host";
    static final String PORT = "smtp.port";
    static final String SECURITY = "smtp.security";
    static final String USER = "smtp.user";
    static final String PASSWORD = "smtp.password";
    static final String FROM = "smtp.from";
    static final String OWNER = "owner.email";
    static final List<String> ALL = List.of(HOST, PORT, SECURITY, USER, PASSWORD, FROM, OWNER);

    private SmtpKeys() {}
  }

  /** A wait on a service under way, which the owner may stop waiting for. */
  public Waiting waiting() {
    return waiting;
  }
}
