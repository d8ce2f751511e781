-- Accounts: one per rep (or team). The pixel prefix is public (it is in every pixel URL);
-- the per-account pixel key is derived from it and the PIXEL_MASTER_KEY secret, never stored.
CREATE TABLE accounts (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  pixel_prefix TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL
) STRICT;

-- API tokens are stored only as SHA-256 hashes; revoking sets revoked_at.
CREATE TABLE api_tokens (
  id          TEXT PRIMARY KEY,
  account_id  TEXT NOT NULL REFERENCES accounts(id),
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER
) STRICT;
CREATE INDEX api_tokens_by_account ON api_tokens(account_id);

-- The account's whole event log: the extension's events and the opens the pixel recorded.
-- seq gives the stable order the API pages by; (account_id, id) is the idempotency key.
CREATE TABLE events (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id   TEXT NOT NULL,
  id           TEXT NOT NULL,
  type         TEXT NOT NULL,
  at           INTEGER NOT NULL,
  message_id   TEXT,
  contact      TEXT,
  payload      TEXT NOT NULL,
  payload_hash TEXT NOT NULL,
  received_at  INTEGER NOT NULL,
  UNIQUE (account_id, id)
) STRICT;
CREATE INDEX events_by_account ON events(account_id, seq);
CREATE INDEX events_by_message ON events(account_id, message_id) WHERE message_id IS NOT NULL;

-- Raw opens older than RETENTION_DAYS are folded into these per-contact counts and deleted.
CREATE TABLE open_aggregates (
  account_id   TEXT NOT NULL,
  contact      TEXT NOT NULL,
  verdict      TEXT NOT NULL,
  hits         INTEGER NOT NULL,
  first_at     INTEGER NOT NULL,
  last_at      INTEGER NOT NULL,
  PRIMARY KEY (account_id, contact, verdict)
) STRICT;
