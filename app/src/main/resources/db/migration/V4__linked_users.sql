-- Linked users (seed 000): a sub-account is paid for by its master; every master payment is
-- copied to each sub. A master cannot itself be a sub (checked by the service).
ALTER TABLE users ADD COLUMN master_id BIGINT;
ALTER TABLE users ADD CONSTRAINT fk_users_master FOREIGN KEY (master_id) REFERENCES users (id);
CREATE INDEX ix_users_master ON users (master_id);
