-- Sign-in links for the customer account page (GET /account?token=…). Only the SHA-256 of each
-- token is kept (hex), so reading this table signs no one in. A link works, however often it is
-- opened, until expires_at; expired rows are pruned when links are asked for.
-- email: the address the link was mailed to, for the owner's reading of who asked.
CREATE TABLE account_links (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  token_hash  CHAR(64)     NOT NULL,
  user_id     BIGINT       NOT NULL,
  email       VARCHAR(320) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_account_links_hash UNIQUE (token_hash),
  CONSTRAINT fk_account_links_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_account_links_user ON account_links (user_id, created_at);
CREATE INDEX ix_account_links_expires ON account_links (expires_at);
