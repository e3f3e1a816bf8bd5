package io.usher.store;

import static io.usher.store.generated.Tables.MAIL_TEMPLATES;

import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailTemplate;
import io.usher.domain.notify.TemplateStore;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

public final class JooqTemplateStore implements TemplateStore {
  private final DSLContext dsl;
  private final Clock clock;

  public JooqTemplateStore(DSLContext dsl, Clock clock) {
    this.dsl = dsl;
    this.clock = clock;
  }

  @Override
  public Optional<MailTemplate> get(MailEvent event) {
    return dsl.selectFrom(MAIL_TEMPLATES)
        .where(MAIL_TEMPLATES.EVENT.eq(event.name()))
        .fetchOptional(r -> new MailTemplate(event, r.getSubject(), r.getBody()));
  }

  @Override
  public void save(MailTemplate template) {
    String event = template.event().name();
    dsl.mergeInto(MAIL_TEMPLATES)
        .using(dsl.selectOne())
        .on(MAIL_TEMPLATES.EVENT.eq(event))
        .whenMatchedThenUpdate()
        .set(MAIL_TEMPLATES.SUBJECT, template.subject())
        .set(MAIL_TEMPLATES.BODY, template.body())
        .set(MAIL_TEMPLATES.UPDATED_AT, clock.instant())
        .whenNotMatchedThenInsert(
            MAIL_TEMPLATES.EVENT,
            MAIL_TEMPLATES.SUBJECT,
            MAIL_TEMPLATES.BODY,
            MAIL_TEMPLATES.UPDATED_AT)
        .values(event, template.subject(), template.body(), clock.instant())
        .execute();
  }

  @Override
  public void delete(MailEvent event) {
    dsl.deleteFrom(MAIL_TEMPLATES).where(MAIL_TEMPLATES.EVENT.eq(event.name())).execute();
  }
}
