-- 0003: a schema between the Add flow's first step and Save (issue 8). The review page is built
-- from it on each visit, so nothing the admin pasted is lost between steps or in a reload;
-- drafts older than a day are swept when new ones are made.
CREATE TABLE integration_drafts (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    schema_text TEXT NOT NULL,
    source_url TEXT,
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (company_id, id)
) STRICT;
