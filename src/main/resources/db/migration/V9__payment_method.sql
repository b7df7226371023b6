-- The payment method each sale was charged with (Omise's source type); sales before it were all WeChat Pay.
ALTER TABLE sale ADD COLUMN source_type VARCHAR(40) DEFAULT 'wechat_pay_upm' NOT NULL;
-- The wallet Omise's charge names (an Alipay+ wallet, say), when it names one.
ALTER TABLE sale ADD COLUMN wallet VARCHAR(60);
