-- The shop's settings that every till shares (its name and address on slips, its time zone, the payment methods…),
-- as the till that changed them last saved them: one row, the settings as properties text.
CREATE TABLE store_shop_settings (
    shop       VARCHAR(16) NOT NULL PRIMARY KEY,
    settings   TEXT        NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(32) NOT NULL
);
