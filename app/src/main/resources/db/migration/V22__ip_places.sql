-- Where a public address the streams came from is, as plex.tv's GeoIP answered, for the
-- impossible-travel evidence of sharing detection. One row per address looked up, with no
-- place when the answer had none (so it is not asked again); rows older than 31 days go, so an
-- address that moved is looked up again.
CREATE TABLE ip_places (
  address   VARCHAR(64) PRIMARY KEY,
  looked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude  DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  city      VARCHAR(200),
  country   VARCHAR(100),
  CONSTRAINT ck_ip_places_latitude CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT ck_ip_places_longitude CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT ck_ip_places_both CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX ix_ip_places_looked_at ON ip_places (looked_at);
