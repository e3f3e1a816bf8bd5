package io.usher.application.notify;

import io.usher.domain.common.FieldError;
import io.usher.domain.common.ValidationException;
import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailSender;
import io.usher.domain.notify.MailTemplate;
import io.usher.domain.notify.TemplateStore;
import io.usher.domain.notify.Templates;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.OutboxStore;
import io.usher.domain.outbox.Payload;
import io.usher.domain.settings.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usher's email: mails are queued in the outbox with the change that causes them (so they are sent
 * only if that change lands, and retried until the SMTP server takes them); the owner edits the
 * templates and sends a test mail from here.
 */
public final class MailService implements Notifier {
  /** The outbox kind of a queued mail. */
  public static final String KIND = "mail";

  static final int MAX_SUBJECT = 200;
  static final int MAX_BODY = 10_000;
  private static final String EVENT = "event";
  private static final String TO = "to";

  private final OutboxStore outbox;
  private final TemplateStore templates;
  private final MailSender sender;
  private final Settings settings;
  private final Clock clock;

  /**
   * @param settings a setting key's effective value ({@code owner.email}, {@code
   *     checkout.public-url})
   */
  public MailService(
      OutboxStore outbox,
      TemplateStore templates,
      MailSender sender,
      Settings settings,
      Clock clock) {
    this.outbox = outbox;
    this.templates = templates;
    this.sender = sender;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Records the mail in the outbox, due now; call it inside the transaction of the change it
   * announces. The template is rendered when the mail is sent, so the owner's latest wording
   * applies.
   */
  @Override
  public void queue(MailEvent event, String to, Map<String, String> values) {
    if (to == null || to.isBlank()) {
      throw ValidationException.of(TO, "A " + event.label() + " mail needs an address to go to.");
    }
    Map<String, String> payload = new LinkedHashMap<>(values);
    payload.put(EVENT, event.name());
    payload.put(TO, to.strip());
    outbox.enqueue(KIND, Payload.encode(payload), clock.instant());
  }

  /**
   * Sends the event's mail now, for work that is itself an outbox item and whose values must never
   * be stored (a sign-in link); a failure throws its sentence.
   */
  public void send(MailEvent event, String to, Map<String, String> values) {
    sender.send(Templates.render(to, template(event), withSettings(values)));
  }

  /** Queues a mail to the owner (owner.email); without one set, it is only logged. */
  public void toOwner(MailEvent event, Map<String, String> values) {
    String owner = settings.ownerEmail();
    if (owner.isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(MailService.class)
          .info("No owner.email set; not mailing {}: {}", event, values);
      return;
    }
    queue(event, owner, values);
  }

  /** Sends the outbox's mail items; a failure throws its sentence and the outbox retries. */
  public OutboxHandler mailHandler() {
    return OutboxHandler.of(
        KIND,
        payload -> {
          Map<String, String> values = Payload.decode(payload);
          MailEvent event = event(values.remove(EVENT));
          String to = values.remove(TO);
          send(event, to, values);
        });
  }

  /**
   * The event's mail as it would go out now (the owner's wording, settings such as checkout_url
   * filled in): what a Discord DM of the same event says.
   */
  public Mail render(MailEvent event, Map<String, String> values) {
    return Templates.render(
        values.getOrDefault(TO, values.getOrDefault("email", "")),
        template(event),
        withSettings(values));
  }

  /** Sends the test mail now, to {@code to} or else owner.email; throws the failure's sentence. */
  public Mail sendTest(String to) {
    String address = to == null || to.isBlank() ? settings.ownerEmail() : to.strip();
    if (address == null || address.isBlank()) {
      throw ValidationException.of(
          TO, "Type an address to send the test to, or set owner.email first.");
    }
    Mail mail = Templates.render(address, template(MailEvent.TEST), samples(MailEvent.TEST));
    sender.send(mail);
    return mail;
  }

  public List<MailTemplate> templates() {
    return Arrays.stream(MailEvent.values()).map(this::template).toList();
  }

  /** The owner's version when there is one, else the default. */
  public MailTemplate template(MailEvent event) {
    return templates.get(event).orElseGet(event::defaultTemplate);
  }

  public boolean customised(MailEvent event) {
    return templates.get(event).isPresent();
  }

  public MailTemplate save(MailTemplate template) {
    List<FieldError> problems = new ArrayList<>();
    String subject = template.subject().strip();
    if (subject.isEmpty()) {
      problems.add(new FieldError("subject", "The subject cannot be empty."));
    } else if (subject.length() > MAX_SUBJECT) {
      problems.add(
          new FieldError(
              "subject",
              "The subject is "
                  + subject.length()
                  + " characters; keep it to "
                  + MAX_SUBJECT
                  + "."));
    } else if (subject.contains("\n") || subject.contains("\r")) {
      problems.add(new FieldError("subject", "The subject is one line."));
    }
    if (template.body().isBlank()) {
      problems.add(new FieldError("body", "The body cannot be empty."));
    } else if (template.body().length() > MAX_BODY) {
      problems.add(
          new FieldError(
              "body",
              "The body is "
                  + template.body().length()
                  + " characters; keep it to "
                  + MAX_BODY
                  + "."));
    }
    for (String placeholder : template.event().required()) {
      if (!template.body().contains("{" + placeholder + "}")) {
        problems.add(
            new FieldError(
                "body",
                "The body must keep {" + placeholder + "}: without it this mail is of no use."));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    MailTemplate cleaned = new MailTemplate(template.event(), subject, template.body());
    templates.save(cleaned);
    return cleaned;
  }

  /** Forgets the owner's version; returns the default that applies again. */
  public MailTemplate reset(MailEvent event) {
    templates.delete(event);
    return event.defaultTemplate();
  }

  /** The template rendered with sample values, as the preview shows it; touches nothing. */
  public Mail preview(MailTemplate template) {
    return Templates.render(SampleValues.EMAIL, template, samples(template.event()));
  }

  private Map<String, String> samples(MailEvent event) {
    Map<String, String> samples = SampleValues.at(clock.instant(), event);
    samples.remove("checkout_url");
    Map<String, String> filled = withSettings(samples);
    filled.putIfAbsent("checkout_url", SampleValues.CHECKOUT_URL);
    return filled;
  }

  private Map<String, String> withSettings(Map<String, String> values) {
    Map<String, String> all = new LinkedHashMap<>(values);
    if (!all.containsKey("checkout_url")) {
      String url = settings.checkoutPublicUrl();
      if (!url.isEmpty()) {
        all.put("checkout_url", url);
      }
    }
    return all;
  }

  private static MailEvent event(String name) {
    try {
      return MailEvent.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ValidationException(
          List.of(new FieldError(EVENT, "Usher has no mail for the event '" + name + "'.")));
    }
  }
}
