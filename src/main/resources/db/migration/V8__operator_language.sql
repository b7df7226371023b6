-- The language each operator chose on the sign-in screen ('th' or 'en'), or NULL for the till's own.
ALTER TABLE operator ADD COLUMN language VARCHAR(2);
