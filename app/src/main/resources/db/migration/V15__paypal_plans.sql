-- A plan that renews through PayPal names its PayPal Subscriptions plan (P-…); without it, PayPal
-- sells the plan as one payment for one period.
ALTER TABLE plans ADD COLUMN paypal_plan_id VARCHAR(50);

-- The dashboard's latest payments are the newest recorded.
CREATE INDEX ix_payments_created ON payments (created_at DESC, id DESC);
