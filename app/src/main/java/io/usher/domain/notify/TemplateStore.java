package io.usher.domain.notify;

import java.util.Optional;

/** The templates the owner has edited; an event with none saved uses its default. */
public interface TemplateStore {
  Optional<MailTemplate> get(MailEvent event);

  /** Stores the owner's version, replacing any earlier one. */
  void save(MailTemplate template);

  /** Forgets the owner's version, so the default applies again. */
  void delete(MailEvent event);
}
