-- Payments a provider reported that match no user (issue 12): they wait for the owner, who assigns
-- or dismisses them. Rows are never deleted, so a transaction read again by a later sync, or
-- delivered again by a webhook, is recognised and not imported twice.
-- status: waiting | assigned (payment_id is the ledger payment it became) | dismissed (reason).
CREATE TABLE unmatched_payments (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  provider        VARCHAR(16)  NOT NULL,
  txn_id          VARCHAR(255) NOT NULL,
  payer_email     VARCHAR(320),
  amount_minor    BIGINT,
  currency        CHAR(3),
  paid_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  subscription_id VARCHAR(255),
  why             VARCHAR(500) NOT NULL,
  status          VARCHAR(12)  NOT NULL DEFAULT 'waiting',
  reason          VARCHAR(500),
  payment_id      BIGINT,
  received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at     TIMESTAMP WITH TIME ZONE,
  CONSTRAINT uq_unmatched_txn UNIQUE (provider, txn_id),
  CONSTRAINT ck_unmatched_status CHECK (status IN ('waiting', 'assigned', 'dismissed')),
  CONSTRAINT ck_unmatched_amount CHECK (amount_minor IS NULL OR amount_minor >= 0),
  CONSTRAINT fk_unmatched_payment FOREIGN KEY (payment_id) REFERENCES payments (id)
);
CREATE INDEX ix_unmatched_status ON unmatched_payments (status, received_at);
