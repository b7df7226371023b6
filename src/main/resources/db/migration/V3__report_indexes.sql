-- What the daily report reads: a till's day, the refunds made in a day, and the refunds still owed.
CREATE INDEX sale_till_created_at ON sale (till_id, created_at);
CREATE INDEX sale_refund_finished_at ON sale_refund (finished_at);
CREATE INDEX sale_refund_owed ON sale (refund_owed);
