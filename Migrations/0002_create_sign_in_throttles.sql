-- 0002: failed sign-ins per client address (issue 5). Per-account counts live on users.
-- In the database, not in memory, so every node behind a load balancer sees the same counts.
CREATE TABLE sign_in_throttles (
    client_address TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    window_started_at REAL NOT NULL,
    locked_until REAL
) STRICT;
