-- Referrals (issue 12): each user gets a code the first time it is shown; a customer who pays
-- through a link or code carrying it credits the code's owner extra days, once per referred
-- customer (the primary key).
CREATE TABLE referral_codes (
  user_id BIGINT PRIMARY KEY REFERENCES users (id),
  code    VARCHAR(12) NOT NULL,
  CONSTRAINT uq_referral_code UNIQUE (code)
);

-- referred_txn: the referred customer's payment; credit_txn: the referrer's credit payment, null
-- when no days were given (a permanent referrer); bonus_seconds: the time the credit bought.
CREATE TABLE referrals (
  referred_id   BIGINT PRIMARY KEY REFERENCES users (id),
  referrer_id   BIGINT NOT NULL REFERENCES users (id),
  referred_txn  VARCHAR(255) NOT NULL,
  credit_txn    VARCHAR(255),
  bonus_seconds BIGINT NOT NULL,
  note          VARCHAR(500) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT ck_referral_not_self CHECK (referred_id <> referrer_id),
  CONSTRAINT ck_referral_bonus CHECK (bonus_seconds >= 0)
);
CREATE INDEX ix_referrals_referrer ON referrals (referrer_id, created_at);

-- The referral code an order was placed with (credited when its payment lands).
ALTER TABLE checkout_orders ADD COLUMN referral VARCHAR(12);
