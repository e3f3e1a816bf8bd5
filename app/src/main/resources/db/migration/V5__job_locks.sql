-- A job never runs twice at once, even across processes (the window and a CLI `jobs run`):
-- a run holds its job's row until `until`; a crashed holder's lease simply runs out.
CREATE TABLE job_locks (
  job        VARCHAR(50)  NOT NULL PRIMARY KEY,
  holder     VARCHAR(100) NOT NULL,
  until      TIMESTAMP WITH TIME ZONE NOT NULL
);
