-- Moving users from one server to another (issue 15 §3): the move and each user's step in it, so a
-- move that a restart interrupts goes on where it stopped and its report can be read afterwards.
-- The names are kept beside the ids so the report still reads when a server or user is deleted.
CREATE TABLE migrations (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  from_server   VARCHAR(200)             NOT NULL,
  to_server     VARCHAR(200)             NOT NULL,
  from_id       BIGINT,
  to_id         BIGINT,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  cancelled_at  TIMESTAMP WITH TIME ZONE,
  finished_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT fk_migrations_from FOREIGN KEY (from_id) REFERENCES media_servers (id) ON DELETE SET NULL,
  CONSTRAINT fk_migrations_to FOREIGN KEY (to_id) REFERENCES media_servers (id) ON DELETE SET NULL
);

CREATE TABLE migration_moves (
  migration_id  BIGINT        NOT NULL,
  user_id       BIGINT        NOT NULL,
  who           VARCHAR(320)  NOT NULL,
  state         VARCHAR(12)   NOT NULL,
  detail        VARCHAR(2000) NOT NULL,
  CONSTRAINT pk_migration_moves PRIMARY KEY (migration_id, user_id),
  CONSTRAINT fk_moves_migration FOREIGN KEY (migration_id) REFERENCES migrations (id) ON DELETE CASCADE,
  CONSTRAINT ck_moves_state CHECK (state IN ('waiting', 'on_target', 'moved', 'not_moved', 'cancelled'))
);
