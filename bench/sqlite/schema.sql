-- The audit_events table of Migrations/0001_create_schema.sql, without its foreign key to
-- companies, so both benchmarks work on one realistic table alone.
CREATE TABLE audit_events (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    occurred_at REAL NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind = 'user' OR actor_kind = 'agent' OR actor_kind = 'system'),
    actor_user_id TEXT,
    actor_agent_id TEXT,
    event TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 100),
    target_type TEXT,
    target_id TEXT,
    client_address TEXT,
    request_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
    PRIMARY KEY (company_id, id)
) STRICT;
CREATE INDEX audit_events_by_time ON audit_events (company_id, occurred_at);
