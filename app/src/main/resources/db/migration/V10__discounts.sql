-- Discount codes. Exactly one of percent_off / amount_off_minor is set; amount_currency goes
-- with the amount. only_email reserves a code for one customer.
CREATE TABLE discounts (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  code             VARCHAR(32) NOT NULL,
  percent_off      INT,
  amount_off_minor BIGINT,
  amount_currency  CHAR(3),
  expires_at       TIMESTAMP WITH TIME ZONE,
  max_uses         INT,
  only_email       VARCHAR(320),
  enabled          BOOLEAN DEFAULT TRUE NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT discounts_code_unique UNIQUE (code),
  CONSTRAINT discounts_one_value CHECK ((percent_off IS NULL) <> (amount_off_minor IS NULL)),
  CONSTRAINT discounts_amount_currency CHECK ((amount_off_minor IS NULL) = (amount_currency IS NULL))
);

-- Each use of a code by a payment; the primary key is the "once per customer" rule.
CREATE TABLE discount_redemptions (
  discount_id BIGINT NOT NULL REFERENCES discounts (id) ON DELETE CASCADE,
  email       VARCHAR(320) NOT NULL,
  txn         VARCHAR(255) NOT NULL,
  redeemed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (discount_id, email)
);

-- The code a checkout order was placed with (applied when its payment lands).
ALTER TABLE checkout_orders ADD COLUMN discount VARCHAR(32);
