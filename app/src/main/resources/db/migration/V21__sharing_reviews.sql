-- What the owner did about a user the sharing screen flagged: when they were last warned, and
-- when the owner last chose to ignore the evidence (streams last seen before then no longer count).
CREATE TABLE sharing_reviews (
  user_id    BIGINT PRIMARY KEY,
  warned_at  TIMESTAMP WITH TIME ZONE,
  ignored_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT fk_sharing_reviews_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
