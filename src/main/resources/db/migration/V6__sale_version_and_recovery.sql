-- Each write of a sale names the version it read, so that an older copy (another till's engine, a sweep) can never
-- overwrite a newer one; and a sale the ledger had lost, taken back from Omise's charge, is marked for review.
ALTER TABLE sale ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE sale ADD COLUMN recovered_from_omise BOOLEAN DEFAULT FALSE NOT NULL;
