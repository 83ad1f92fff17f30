-- The login throttle's memory, shared by every server process (issue #10, finding 6).
--
-- One row per failed login and throttle key it counts against ("pair:<account>|<address>",
-- "address:<address>", "account:<account>", "device:<digest>|<account>"). Rows older than the
-- throttle window are pruned by the server, so the table holds at most a window of failures.
CREATE TABLE login_failures (
  throttle_key TEXT NOT NULL,
  failed_at BIGINT NOT NULL
);

-- Counting a key's recent failures reads the newest entries of one key.
CREATE INDEX login_failures_by_key ON login_failures (throttle_key, failed_at);

-- Pruning deletes by age.
CREATE INDEX login_failures_by_age ON login_failures (failed_at);

-- Devices (browsers) that signed in to an account, by the SHA-256 digest of their device cookie:
-- OWASP's device cookies. A trusted device is exempt from the per-account lockout that applies to
-- unknown devices, so guessers cannot lock the owner out. Expired rows are pruned.
CREATE TABLE trusted_devices (
  device TEXT NOT NULL,
  account TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  PRIMARY KEY (device, account)
);

CREATE INDEX trusted_devices_by_expiry ON trusted_devices (expires_at);
