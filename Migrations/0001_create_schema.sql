-- 0001: the schema of DESIGN.md "Data". Applied once by DatabaseMigrator, inside its transaction.
--
-- Conventions
-- * Ids are TEXT random ids made by the application (128 random bits, base64url), never
--   sequential integers: they do not reveal how many rows exist, cannot be guessed from a
--   neighbour's, and can be created on any node before the row is written.
-- * Every tenant-owned table starts its PRIMARY KEY with company_id, and every foreign key
--   between tenant tables includes company_id, so a row can never point into another company.
-- * Enumerations are checked with `x = 'a' OR x = 'b'`, not `x IN ('a', 'b')`: SQLite 3.40
--   evaluates an IN list in a CHECK by building a temporary b-tree for every row written, which
--   measured as half the cost of an audit_events insert (bench/sqlite).
-- * Times are REAL unix seconds (the SQLite module stores Date that way); booleans are INTEGER
--   0/1 with a CHECK; JSON is TEXT checked by json_valid.
-- * Secrets are only ever stored as sealed boxes (Cryptography.SealedBox: AES-256-GCM, the key id
--   inside) in *_ciphertext BLOB columns, with the key id repeated as hex in key_id so rotation
--   can find what it must re-encrypt; tokens that identify something (sessions, invitations,
--   OAuth state) are stored as the hex SHA-256 of the token, never the token.
-- * STRICT tables: a value of the wrong type is refused, not silently stored.
-- * Indexes lead with company_id, except the few lookups that happen before the company is known
--   (by email, by token hash, by user), each marked below.

CREATE TABLE companies (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at REAL NOT NULL
) STRICT;

-- A person; belongs to companies through memberships.
CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 320),
    display_name TEXT NOT NULL DEFAULT '',
    -- argon2id encoded string; NULL until the user sets a password through their invitation.
    password_hash TEXT,
    -- Per-account sign-in throttling (issue 5).
    failed_sign_ins INTEGER NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until REAL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
) STRICT;
-- Not tenant-scoped: sign-in looks a user up by email before any company is chosen.
CREATE UNIQUE INDEX users_by_email ON users (email);

CREATE TABLE memberships (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role = 'owner' OR role = 'admin' OR role = 'member'),
    created_at REAL NOT NULL,
    PRIMARY KEY (company_id, user_id)
) STRICT;
-- Not tenant-scoped: the company switcher lists a user's companies.
CREATE INDEX memberships_by_user ON memberships (user_id, company_id);

-- A signed-in browser. Keyed by the SHA-256 of the 256-bit session token in the cookie.
CREATE TABLE sessions (
    id_hash TEXT PRIMARY KEY NOT NULL CHECK (length(id_hash) = 64),
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The company the session is working in; the application checks the membership on use.
    company_id TEXT REFERENCES companies (id) ON DELETE SET NULL,
    csrf_token TEXT NOT NULL,
    created_at REAL NOT NULL,
    last_seen_at REAL NOT NULL,
    -- Absolute expiry; idle expiry is last_seen_at plus the configured idle time.
    expires_at REAL NOT NULL,
    client_address TEXT,
    user_agent TEXT
) STRICT;
-- Not tenant-scoped: signing a user out everywhere.
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

-- A one-time link to join a company (also how `create-company` lets the first owner set a password).
CREATE TABLE invitations (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    email TEXT NOT NULL COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role = 'owner' OR role = 'admin' OR role = 'member'),
    token_hash TEXT NOT NULL CHECK (length(token_hash) = 64),
    -- NULL when made by the operator's CLI, or when the inviter's account was deleted.
    invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    accepted_at REAL,
    accepted_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    revoked_at REAL,
    PRIMARY KEY (company_id, id)
) STRICT;
-- Not tenant-scoped: the invitation link carries only the token.
CREATE UNIQUE INDEX invitations_by_token ON invitations (token_hash);
CREATE INDEX invitations_by_company_email ON invitations (company_id, email);

-- An HTTP API imported from its OpenAPI schema. Secrets never live here: see credentials.
CREATE TABLE integrations (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '',
    base_url TEXT NOT NULL CHECK (base_url LIKE 'http://%' OR base_url LIKE 'https://%'),
    scope TEXT NOT NULL CHECK (scope = 'global' OR scope = 'per_user'),
    auth_method TEXT NOT NULL CHECK (
        auth_method = 'none' OR auth_method = 'bearer' OR auth_method = 'basic' OR
        auth_method = 'headers' OR auth_method = 'oauth2'),
    -- Non-secret settings of the auth method: header names, OAuth URLs, client id, scopes,
    -- extra authorization parameters, static header names, token endpoint client authentication.
    auth_config TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(auth_config)),
    -- The schema as imported (JSON or YAML text) and where it came from, for re-import diffs.
    schema_text TEXT NOT NULL,
    schema_source_url TEXT,
    -- Import diagnostics: a JSON array of {severity, message, pointer}.
    warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id),
    UNIQUE (company_id, name)
) STRICT;

-- One operation of an integration's schema, callable by agents.
CREATE TABLE actions (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    integration_id TEXT NOT NULL,
    -- Stable identity across re-imports: method + path template, else operationId.
    operation_key TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    description TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL CHECK (
        method = 'GET' OR method = 'HEAD' OR method = 'POST' OR method = 'PUT' OR
        method = 'PATCH' OR method = 'DELETE' OR method = 'OPTIONS' OR method = 'TRACE'),
    path TEXT NOT NULL CHECK (path LIKE '/%'),
    -- From the method and x-openai-isConsequential; write_override is the admin's choice, if any.
    is_write INTEGER NOT NULL CHECK (is_write = 0 OR is_write = 1),
    write_override INTEGER CHECK (write_override = 0 OR write_override = 1),
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled = 0 OR enabled = 1),
    -- The translated operation (parameters, body, responses) the executor builds requests from.
    operation TEXT NOT NULL CHECK (json_valid(operation)),
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, integration_id) REFERENCES integrations (company_id, id) ON DELETE CASCADE,
    UNIQUE (company_id, integration_id, operation_key),
    UNIQUE (company_id, integration_id, name)
) STRICT;

-- Secrets for an integration: the company's (user_id NULL, global scope or the OAuth client
-- secret) or one member's own connection (per-user scope). All secret fields of one credential
-- (token; username and password; header values; OAuth access and refresh tokens) are one sealed
-- JSON object, sealed with "credentials/<company_id>/<id>" as associated data.
CREATE TABLE credentials (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    integration_id TEXT NOT NULL,
    user_id TEXT,
    purpose TEXT NOT NULL CHECK (purpose = 'connection' OR purpose = 'oauth_client'),
    secret_ciphertext BLOB NOT NULL,
    key_id TEXT NOT NULL CHECK (length(key_id) = 16),
    -- What a form may show: "ends in …4f2a". Never enough to use.
    display_hint TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active' CHECK (status = 'active' OR status = 'needs_reconnection'),
    -- OAuth: access token expiry and granted scopes (not secret).
    expires_at REAL,
    scopes TEXT,
    -- Bumped by every refresh: a refresh commits only if the version it read is still current,
    -- so two processes never both use one refresh token (issue 9).
    version INTEGER NOT NULL DEFAULT 1,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, integration_id) REFERENCES integrations (company_id, id) ON DELETE CASCADE,
    -- A member who leaves the company takes their own connections with them.
    FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE
) STRICT;
-- One company credential and one per member per integration and purpose (NULLs are distinct in
-- a UNIQUE constraint, hence two partial indexes).
CREATE UNIQUE INDEX credentials_company_unique ON credentials (company_id, integration_id, purpose) WHERE user_id IS NULL;
CREATE UNIQUE INDEX credentials_user_unique ON credentials (company_id, integration_id, purpose, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX credentials_by_user ON credentials (company_id, user_id);
CREATE INDEX credentials_by_key ON credentials (key_id);

-- A started OAuth authorization (RFC 6749 §4.1 with PKCE, RFC 7636): single use, short-lived,
-- bound to session, user, company, integration and a relative return path.
CREATE TABLE oauth_states (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    state_hash TEXT NOT NULL CHECK (length(state_hash) = 64),
    session_id_hash TEXT NOT NULL REFERENCES sessions (id_hash) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    integration_id TEXT NOT NULL,
    -- The PKCE code verifier, sealed with "oauth_states/<company_id>/<id>" as associated data.
    code_verifier_ciphertext BLOB NOT NULL,
    key_id TEXT NOT NULL CHECK (length(key_id) = 16),
    -- Relative only (never an absolute URL: no open redirect).
    return_path TEXT NOT NULL CHECK (return_path LIKE '/%' AND return_path NOT LIKE '//%'),
    -- The agent's pending action to resume after connecting, if any.
    pending_action_id TEXT,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, integration_id) REFERENCES integrations (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE
) STRICT;
-- Not tenant-scoped: the callback carries only the state.
CREATE UNIQUE INDEX oauth_states_by_state ON oauth_states (state_hash);
CREATE INDEX oauth_states_by_expiry ON oauth_states (company_id, expires_at);
CREATE INDEX oauth_states_by_key ON oauth_states (key_id);

CREATE TABLE agents (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT NOT NULL DEFAULT '',
    instructions TEXT NOT NULL DEFAULT '',
    -- 'offline' for the built-in model, else the provider's model name.
    model TEXT NOT NULL DEFAULT 'offline',
    created_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id)
) STRICT;

-- The actions an agent may call: both sides in the same company, by construction.
CREATE TABLE agent_tools (
    company_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    created_at REAL NOT NULL,
    PRIMARY KEY (company_id, agent_id, action_id),
    FOREIGN KEY (company_id, agent_id) REFERENCES agents (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, action_id) REFERENCES actions (company_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX agent_tools_by_action ON agent_tools (company_id, action_id);

CREATE TABLE conversations (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, agent_id) REFERENCES agents (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX conversations_by_user ON conversations (company_id, user_id, updated_at);

CREATE TABLE messages (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    -- Order within the conversation.
    position INTEGER NOT NULL CHECK (position >= 0),
    role TEXT NOT NULL CHECK (role = 'user' OR role = 'assistant' OR role = 'tool' OR role = 'system'),
    content TEXT NOT NULL DEFAULT '',
    -- A tool call the model made, or a card to show (action result, confirmation, connect prompt).
    tool_call TEXT CHECK (tool_call IS NULL OR json_valid(tool_call)),
    card TEXT CHECK (card IS NULL OR json_valid(card)),
    created_at REAL NOT NULL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, conversation_id) REFERENCES conversations (company_id, id) ON DELETE CASCADE,
    UNIQUE (company_id, conversation_id, position)
) STRICT;

-- A write action waiting for the user's decision, or a per-user action waiting for a connection.
-- Confirm runs it once: the application moves pending → confirmed with a conditional UPDATE.
CREATE TABLE pending_actions (
    company_id TEXT NOT NULL,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    action_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    -- The arguments the model chose (JSON object), as they will be sent; secrets are injected
    -- at execution and never stored here.
    arguments TEXT NOT NULL CHECK (json_valid(arguments)),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (
        status = 'awaiting_connection' OR status = 'pending' OR status = 'confirmed' OR
        status = 'cancelled' OR status = 'succeeded' OR status = 'failed' OR status = 'expired'),
    -- The redacted, shaped result once run.
    result TEXT CHECK (result IS NULL OR json_valid(result)),
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    decided_at REAL,
    completed_at REAL,
    PRIMARY KEY (company_id, id),
    FOREIGN KEY (company_id, conversation_id) REFERENCES conversations (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, action_id) REFERENCES actions (company_id, id) ON DELETE CASCADE,
    FOREIGN KEY (company_id, user_id) REFERENCES memberships (company_id, user_id) ON DELETE CASCADE
) STRICT;
CREATE INDEX pending_actions_by_conversation ON pending_actions (company_id, conversation_id, status);

-- What happened, by whom. No foreign keys to users, agents or integrations on purpose: the log
-- outlives what it describes. Details are redacted before they are written.
CREATE TABLE audit_events (
    company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    occurred_at REAL NOT NULL,
    actor_kind TEXT NOT NULL CHECK (actor_kind = 'user' OR actor_kind = 'agent' OR actor_kind = 'system'),
    actor_user_id TEXT,
    actor_agent_id TEXT,
    -- Dotted event name, e.g. 'session.signed_in', 'integration.created', 'action.run'.
    event TEXT NOT NULL CHECK (length(event) BETWEEN 1 AND 100),
    target_type TEXT,
    target_id TEXT,
    client_address TEXT,
    request_id TEXT,
    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
    PRIMARY KEY (company_id, id)
) STRICT;
CREATE INDEX audit_events_by_time ON audit_events (company_id, occurred_at);
