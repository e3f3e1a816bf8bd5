-- Expiry reminders already sent: one row per user, expiry and "days before" step, so a reminder
-- is never sent twice for the same expiry, even after a restart. A renewal moves the expiry and
-- starts a fresh series.
CREATE TABLE reminders_sent (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  days_before INT NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_reminders_sent UNIQUE (user_id, expires_at, days_before),
  CONSTRAINT fk_reminders_sent_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_reminders_sent_expires ON reminders_sent (expires_at);

