-- The ledger and everything around it. Append-only: later changes go in V2__…, V3__….
-- Instants are stored as TIMESTAMP WITH TIME ZONE in UTC; money as BIGINT minor units + CHAR(3).

CREATE TABLE settings (
  setting_key   VARCHAR(100)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(4000) NOT NULL
);

CREATE TABLE library_groups (
  id      BIGINT AUTO_INCREMENT PRIMARY KEY,
  name    VARCHAR(100) NOT NULL,
  builtin BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT uq_library_groups_name UNIQUE (name)
);
INSERT INTO library_groups (name, builtin) VALUES ('Private', TRUE), ('Standard', TRUE);

CREATE TABLE server_locations (
  id   BIGINT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  CONSTRAINT uq_server_locations_name UNIQUE (name)
);

CREATE TABLE media_servers (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind              VARCHAR(16)   NOT NULL,
  name              VARCHAR(200)  NOT NULL,
  url               VARCHAR(1000) NOT NULL,
  credential        VARCHAR(1000) NOT NULL,
  machine_id        VARCHAR(200),
  proxy_url         VARCHAR(1000),
  location_id       BIGINT,
  enabled           BOOLEAN NOT NULL DEFAULT TRUE,
  accepts_new_users BOOLEAN NOT NULL DEFAULT TRUE,
  accepts_trials    BOOLEAN NOT NULL DEFAULT TRUE,
  trial_only        BOOLEAN NOT NULL DEFAULT FALSE,
  capacity          INT,
  transcode_4k      BOOLEAN NOT NULL DEFAULT TRUE,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_media_servers_name UNIQUE (name),
  CONSTRAINT ck_media_servers_kind CHECK (kind IN ('plex', 'jellyfin', 'emby')),
  CONSTRAINT fk_media_servers_location FOREIGN KEY (location_id) REFERENCES server_locations (id)
);

CREATE TABLE libraries (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  server_id   BIGINT       NOT NULL,
  provider_id VARCHAR(200) NOT NULL,
  title       VARCHAR(500) NOT NULL,
  media_type  VARCHAR(50),
  group_id    BIGINT       NOT NULL,
  CONSTRAINT uq_libraries_provider UNIQUE (server_id, provider_id),
  CONSTRAINT fk_libraries_server FOREIGN KEY (server_id) REFERENCES media_servers (id) ON DELETE CASCADE,
  CONSTRAINT fk_libraries_group FOREIGN KEY (group_id) REFERENCES library_groups (id)
);

CREATE TABLE plans (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(100) NOT NULL,
  price_minor     BIGINT       NOT NULL,
  currency        CHAR(3)      NOT NULL,
  duration_amount INT          NOT NULL,
  duration_unit   VARCHAR(6)   NOT NULL,
  max_streams     INT          NOT NULL,
  downloads       BOOLEAN      NOT NULL DEFAULT FALSE,
  transcode       BOOLEAN      NOT NULL DEFAULT TRUE,
  max_devices     INT,
  trial           BOOLEAN      NOT NULL DEFAULT FALSE,
  is_default      BOOLEAN      NOT NULL DEFAULT FALSE,
  hidden          BOOLEAN      NOT NULL DEFAULT FALSE,
  max_subs        INT          NOT NULL DEFAULT 0,
  stripe_price_id VARCHAR(200),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_plans_name UNIQUE (name),
  CONSTRAINT ck_plans_price CHECK (price_minor >= 0),
  CONSTRAINT ck_plans_duration CHECK (duration_amount > 0),
  CONSTRAINT ck_plans_unit CHECK (duration_unit IN ('DAYS', 'MONTHS')),
  CONSTRAINT ck_plans_streams CHECK (max_streams >= 0)
);

CREATE TABLE plan_groups (
  plan_id  BIGINT NOT NULL,
  group_id BIGINT NOT NULL,
  PRIMARY KEY (plan_id, group_id),
  CONSTRAINT fk_plan_groups_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
  CONSTRAINT fk_plan_groups_group FOREIGN KEY (group_id) REFERENCES library_groups (id)
);

CREATE TABLE plan_servers (
  plan_id   BIGINT NOT NULL,
  server_id BIGINT NOT NULL,
  PRIMARY KEY (plan_id, server_id),
  CONSTRAINT fk_plan_servers_plan FOREIGN KEY (plan_id) REFERENCES plans (id) ON DELETE CASCADE,
  CONSTRAINT fk_plan_servers_server FOREIGN KEY (server_id) REFERENCES media_servers (id) ON DELETE CASCADE
);

CREATE TABLE users (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  email               VARCHAR(320),
  name                VARCHAR(200),
  permanent           BOOLEAN NOT NULL DEFAULT FALSE,
  must_change_account BOOLEAN NOT NULL DEFAULT FALSE,
  paypal_email        VARCHAR(320),
  discord_id          VARCHAR(64),
  discord_name        VARCHAR(200),
  notes               VARCHAR(4000),
  tags                VARCHAR(1000),
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_users_email UNIQUE (email)
);

CREATE TABLE shares (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id     BIGINT       NOT NULL,
  server_id   BIGINT       NOT NULL,
  account     VARCHAR(320) NOT NULL,
  account_id  VARCHAR(200),
  invited_at  TIMESTAMP WITH TIME ZONE,
  accepted_at TIMESTAMP WITH TIME ZONE,
  pending     BOOLEAN NOT NULL DEFAULT FALSE,
  removed_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_shares_user_server UNIQUE (user_id, server_id),
  CONSTRAINT fk_shares_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_shares_server FOREIGN KEY (server_id) REFERENCES media_servers (id) ON DELETE CASCADE
);
CREATE INDEX ix_shares_server ON shares (server_id);

CREATE TABLE share_libraries (
  share_id   BIGINT NOT NULL,
  library_id BIGINT NOT NULL,
  PRIMARY KEY (share_id, library_id),
  CONSTRAINT fk_share_libraries_share FOREIGN KEY (share_id) REFERENCES shares (id) ON DELETE CASCADE,
  CONSTRAINT fk_share_libraries_library FOREIGN KEY (library_id) REFERENCES libraries (id) ON DELETE CASCADE
);

CREATE TABLE payments (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id         BIGINT       NOT NULL,
  plan_id         BIGINT       NOT NULL,
  amount_minor    BIGINT       NOT NULL,
  currency        CHAR(3)      NOT NULL,
  starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  txn_id          VARCHAR(255) NOT NULL,
  seq             INT          NOT NULL DEFAULT 1,
  subscription_id VARCHAR(255),
  source          VARCHAR(16)  NOT NULL,
  notes           VARCHAR(4000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_payments_txn_seq UNIQUE (txn_id, seq),
  CONSTRAINT ck_payments_period CHECK (ends_at > starts_at),
  CONSTRAINT ck_payments_amount CHECK (amount_minor >= 0),
  CONSTRAINT ck_payments_seq CHECK (seq >= 1),
  CONSTRAINT ck_payments_source CHECK (source IN ('stripe', 'paypal', 'manual', 'import', 'credit', 'sync')),
  CONSTRAINT fk_payments_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT fk_payments_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
);
CREATE INDEX ix_payments_user_end ON payments (user_id, ends_at);
CREATE INDEX ix_payments_subscription ON payments (subscription_id);

CREATE TABLE audit_log (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  at        TIMESTAMP WITH TIME ZONE NOT NULL,
  entity    VARCHAR(50)   NOT NULL,
  entity_id BIGINT        NOT NULL,
  action    VARCHAR(50)   NOT NULL,
  detail    VARCHAR(8000) NOT NULL
);
CREATE INDEX ix_audit_entity ON audit_log (entity, entity_id);

CREATE TABLE outbox (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind            VARCHAR(50)   NOT NULL,
  payload         VARCHAR(8000) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts        INT NOT NULL DEFAULT 0,
  last_error      VARCHAR(2000),
  done_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_outbox_due ON outbox (done_at, next_attempt_at);

CREATE TABLE job_runs (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  job         VARCHAR(50) NOT NULL,
  started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at TIMESTAMP WITH TIME ZONE,
  outcome     VARCHAR(16),
  message     VARCHAR(4000)
);
CREATE INDEX ix_job_runs_job ON job_runs (job, started_at);
