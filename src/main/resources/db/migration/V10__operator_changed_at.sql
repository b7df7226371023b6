-- When an operator's account last changed in what a shop's tills share (name, role, PIN, enabled, language), so that
-- a shop's store can keep the newest of each; wrong PINs and lock-outs stay each till's own.
ALTER TABLE operator ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
UPDATE operator SET changed_at = created_at;
ALTER TABLE operator ALTER COLUMN changed_at SET NOT NULL;
