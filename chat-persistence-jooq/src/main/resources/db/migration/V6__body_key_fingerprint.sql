-- The fingerprint of the key each stored body was encrypted under (16 hex digits, a one-way hash of
-- the key: see KeyFingerprint), written with the body on every post, edit and re-encryption, and
-- erased with it by a delete. At start the server compares the distinct fingerprints with its
-- keys and refuses to serve bodies no key of its own opens. NULL for a body stored before this
-- column existed, until the start check identifies its key (StoredKeyCheck in chat-core).
-- The index serves both: SELECT DISTINCT body_key, and the walk of the NULL rows by id.
ALTER TABLE messages ADD COLUMN body_key TEXT;

CREATE INDEX messages_by_body_key ON messages (body_key, id);
