-- When each user was last connected (nanoseconds since the epoch, like every instant here), so
-- that "last seen" survives a restart and is the same whichever server a client asks. NULL: never
-- seen since this column was added.
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
