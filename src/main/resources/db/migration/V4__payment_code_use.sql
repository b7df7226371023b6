-- Which payment code each sale was for, as a keyed fingerprint (never the code itself), so that a code already
-- sent to Omise is refused when it is scanned again. Payment codes are single use.
CREATE TABLE payment_code_use (
    till_reference VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES sale (till_reference),
    fingerprint    VARCHAR(64) NOT NULL
);

CREATE INDEX payment_code_use_fingerprint ON payment_code_use (fingerprint);
