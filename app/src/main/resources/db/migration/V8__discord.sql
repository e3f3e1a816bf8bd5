-- What Usher last set on Discord for a user, so the roles job calls Discord only when something
-- changes. A row is for the Discord id it names: after the id changes the row no longer applies.
-- subscriber_role / trial_role: the role id Usher gave (null: none), so a changed setting moves
-- users from the old role to the new one. not_member_at: when Discord last said the user is not
-- in the server (the job asks again a day later).
CREATE TABLE discord_roles (
  user_id         BIGINT PRIMARY KEY,
  discord_id      VARCHAR(64) NOT NULL,
  subscriber_role VARCHAR(64),
  trial_role      VARCHAR(64),
  kicked          BOOLEAN NOT NULL DEFAULT FALSE,
  not_member_at   TIMESTAMP WITH TIME ZONE,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT fk_discord_roles_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
