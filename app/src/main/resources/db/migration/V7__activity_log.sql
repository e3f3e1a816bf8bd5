-- What enforcement did (seed 011): one row per stream it stopped, or tried to stop, and why.
-- Append-only. User and server are copied as text as well as by id, so the log still reads
-- the same after a user or server is renamed or deleted (hence no foreign keys).
CREATE TABLE activity_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  user_id        BIGINT,
  user_label     VARCHAR(500),
  server_id      BIGINT,
  server_name    VARCHAR(200)  NOT NULL,
  session_id     VARCHAR(200)  NOT NULL,
  device         VARCHAR(500),
  ip             VARCHAR(100),
  title          VARCHAR(1000),
  reason         VARCHAR(40)   NOT NULL,
  why            VARCHAR(2000) NOT NULL,
  outcome        VARCHAR(20)   NOT NULL,
  outcome_detail VARCHAR(2000),
  notified       BOOLEAN       NOT NULL DEFAULT FALSE,
  CONSTRAINT ck_activity_log_outcome CHECK (outcome IN ('stopped', 'not-stoppable', 'failed'))
);
CREATE INDEX ix_activity_log_at ON activity_log (at);
CREATE INDEX ix_activity_log_session ON activity_log (server_id, session_id);
