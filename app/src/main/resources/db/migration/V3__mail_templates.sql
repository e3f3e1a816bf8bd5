-- The owner's own wording of a mail, per event (WELCOME_PLEX, TEST, …). An event without a row
-- uses the default that ships with Usher; "reset to default" deletes the row.
CREATE TABLE mail_templates (
  event      VARCHAR(50)    PRIMARY KEY,
  subject    VARCHAR(200)   NOT NULL,
  body       VARCHAR(10000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
