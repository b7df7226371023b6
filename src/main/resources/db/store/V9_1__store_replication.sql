-- The store's own, beside the tills' schema: how far each till's events have been copied, and which event of its
-- till each copied event is, so that an event sent twice is kept once.
CREATE TABLE store_till (
    till_id       VARCHAR(32) NOT NULL PRIMARY KEY,
    last_event_id BIGINT      NOT NULL,
    synced_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE sale_event ADD COLUMN till_event_id BIGINT;
CREATE UNIQUE INDEX sale_event_till_event ON sale_event (till_reference, till_event_id);
