-- A sale whose charge Omise does not know, after every look: a supervisor must check it by hand.
ALTER TABLE sale ADD COLUMN needs_attention BOOLEAN DEFAULT FALSE NOT NULL;
