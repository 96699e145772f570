-- 0004: the "Ask" schema builder's conversations (issue 11): what the admin gave (documentation
-- pieces, corrections) in order, so the draft can be rebuilt on every visit and nothing is lost.
CREATE TABLE schema_conversations (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    -- JSON array of {"kind": "documentation"|"correction", "source": "...", "text": "..."}.
    messages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(messages)),
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id)
) STRICT;
