-- The settings the owner last tested and found working (issue 13's checklist: "SMTP tested", "a
-- payment provider tested"): a keyed digest of the values tested, never the values, so changing
-- any of them makes the test stale.
CREATE TABLE setup_checks (
  check_name  VARCHAR(20)              NOT NULL PRIMARY KEY,
  digest      VARCHAR(64)              NOT NULL,
  passed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
