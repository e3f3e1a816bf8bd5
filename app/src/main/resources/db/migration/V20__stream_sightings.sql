-- Each stream the enforcement pass saw, once per server and session, kept 31 days: what sharing
-- detection reads (who watched, from which device and address, from when to when). No foreign
-- keys: a row outlives neither its days nor matters once its user or server is gone, and the
-- pass that writes it must not fail on a user deleted a moment before.
CREATE TABLE stream_sightings (
  server_id  BIGINT NOT NULL,
  session_id VARCHAR(200) NOT NULL,
  user_id    BIGINT NOT NULL,
  device     VARCHAR(200),
  address    VARCHAR(64),
  first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (server_id, session_id)
);
CREATE INDEX ix_stream_sightings_last_seen ON stream_sightings (last_seen);
