-- The sales screen sums any period, a month or a year, by quarter hour, status, method and operator in one pass: these
-- indexes hold every column that pass reads, so it reads the index alone, not each sale's row (half the time over a
-- year of sales). They take the place of the plain indexes on the time and on the till and time.
DROP INDEX sale_created_at;
DROP INDEX sale_till_created_at;
CREATE INDEX sale_period ON sale (created_at, status, till_id, operator_id, source_type, failure_code, amount, fee, fee_vat, net);
CREATE INDEX sale_till_period ON sale (till_id, created_at, status, operator_id, source_type, failure_code, amount, fee, fee_vat, net);
-- A sale found by its payment code's last four digits: the masked code looked up whole, for each length a code has.
CREATE INDEX sale_payment_code_masked ON sale (payment_code_masked);
-- … and by its amount.
CREATE INDEX sale_amount ON sale (amount);
