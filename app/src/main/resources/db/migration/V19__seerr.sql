-- The Seerr (Overseerr/Jellyseerr) account Usher made for a user, so it is removed when their
-- access ends. No foreign key to users: a user deleted from the ledger keeps this row until the
-- seerr job has removed the account from Seerr, found by seerr_id (email says whose it was).
CREATE TABLE seerr_accounts (
  user_id    BIGINT PRIMARY KEY,
  seerr_id   BIGINT NOT NULL,
  email      VARCHAR(320) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
