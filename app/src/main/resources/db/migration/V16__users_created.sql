-- The dashboard's new customers are the newest users: read in this order, the list stops after a
-- handful instead of sorting every user.
CREATE INDEX ix_users_created ON users (created_at DESC, id DESC);
