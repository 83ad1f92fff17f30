-- The life of an upload (quota, upload rate, deletion), computed from these rows so that every
-- server process sees the same numbers.
--
-- released_at: when the uploader deleted the upload, or the last message listing it was deleted
-- (set in the same transaction as that delete). From then on the file is never served and no longer
-- counts against the quota; its row and bytes are deleted by the sweep after a grace.
ALTER TABLE attachments ADD COLUMN released_at BIGINT;

-- settled: the sweep found the upload listed by a message after the time an unattached upload is
-- kept. It can then only leave through released_at, so the sweep never looks at it again, and its
-- scan for unattached uploads stays as short as the uploads of the last sweep interval.
ALTER TABLE attachments ADD COLUMN settled BOOLEAN NOT NULL DEFAULT FALSE;

-- A user's stored bytes and recent uploads (quota and rate, on every upload).
CREATE INDEX attachments_by_uploader ON attachments (uploader, uploaded_at);
-- The sweep's two scans.
CREATE INDEX attachments_by_released_at ON attachments (released_at);
CREATE INDEX attachments_unsettled ON attachments (settled, uploaded_at);
-- "Does a message list this upload?", asked by the sweep, a withdrawal and a message delete.
CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);
