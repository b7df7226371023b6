-- The Omise webhook events the store service received: each event once (Omise may deliver one several times), what
-- the charge was when the service looked at it, and what the service did.
CREATE TABLE store_webhook_event (
    event_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    event_key      VARCHAR(64) NOT NULL,
    charge_id      VARCHAR(64),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(32) NOT NULL,
    charge_status  VARCHAR(32),
    till_id        VARCHAR(32),
    till_reference VARCHAR(64)
);

CREATE INDEX store_webhook_event_charge ON store_webhook_event (charge_id);
