-- What a customer asked for at the checkout page, recorded before they are sent to the provider,
-- so a completed payment can be tied back to its order by reference (client_reference_id).
-- session_id: the provider's checkout session, once it was created (null if creating it failed).
CREATE TABLE checkout_orders (
  reference   VARCHAR(40) PRIMARY KEY,
  email       VARCHAR(320) NOT NULL,
  plan        VARCHAR(100) NOT NULL,
  location    VARCHAR(100),
  session_id  VARCHAR(255),
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
