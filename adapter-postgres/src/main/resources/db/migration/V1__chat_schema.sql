-- Parley chat schema. Every id column uses COLLATE "C": byte order equals the UTF-16 order of the
-- in-memory adapter (identifiers hold no surrogates), so keyset pages agree across stores, and
-- comparisons skip the locale machinery.

CREATE TABLE rooms (
    id                   text COLLATE "C" PRIMARY KEY,
    name                 text        NOT NULL,
    topic                text        NOT NULL,
    type                 text        NOT NULL,
    created_by           text COLLATE "C" NOT NULL,
    created_at           timestamptz NOT NULL,
    archived             boolean     NOT NULL,
    max_message_length   integer     NOT NULL,
    slow_mode_seconds    integer     NOT NULL,
    presence_events      boolean     NOT NULL,
    typing_events        boolean     NOT NULL,
    -- only the actions that differ from the defaults, as "ACTION=ROLE" pairs joined by ','
    permission_overrides text        NOT NULL,
    direct_first         text COLLATE "C",
    direct_second        text COLLATE "C"
);
-- One direct room per pair (saveDirectIfAbsent); NULLs of non-direct rooms never collide.
CREATE UNIQUE INDEX rooms_direct_pair ON rooms (direct_first, direct_second);

-- The per-room sequence counter. Separate from rooms: messages may be appended to a room id the
-- room store never saw (the contract suites do), and saving a room must never reset the counter.
CREATE TABLE room_sequences (
    room_id  text COLLATE "C" PRIMARY KEY,
    last_seq bigint NOT NULL
);

CREATE TABLE messages (
    room_id           text COLLATE "C" NOT NULL,
    seq               bigint      NOT NULL,
    id                text COLLATE "C" NOT NULL,
    author            text COLLATE "C" NOT NULL,
    body              text,
    parent_id         text COLLATE "C",
    reply_count       integer     NOT NULL DEFAULT 0,
    client_message_id text COLLATE "C",
    created_at        timestamptz NOT NULL,
    edited_at         timestamptz,
    deleted_at        timestamptz,
    pinned            boolean     NOT NULL DEFAULT false,
    -- history pages (before/after), unread counts and lastSequence all walk this key
    PRIMARY KEY (room_id, seq)
);
-- find/change by id
CREATE UNIQUE INDEX messages_room_id ON messages (room_id, id);
-- idempotent posts; NULL client ids never conflict
CREATE UNIQUE INDEX messages_client_id ON messages (room_id, author, client_message_id);
-- thread replies in sequence order
CREATE INDEX messages_replies ON messages (room_id, parent_id, seq) WHERE parent_id IS NOT NULL;

CREATE TABLE memberships (
    room_id     text COLLATE "C" NOT NULL,
    user_id     text COLLATE "C" NOT NULL,
    role        text        NOT NULL,
    joined_at   timestamptz NOT NULL,
    muted_until timestamptz,
    PRIMARY KEY (room_id, user_id)
);
-- a user's rooms, keyset on room id
CREATE UNIQUE INDEX memberships_by_user ON memberships (user_id, room_id);
-- countWithRole (the last-owner check)
CREATE INDEX memberships_by_role ON memberships (room_id, role);

CREATE TABLE bans (
    room_id    text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    banned_by  text COLLATE "C" NOT NULL,
    banned_at  timestamptz NOT NULL,
    expires_at timestamptz,
    reason     text        NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

-- The emoji on a message, in first-use order (first_use from a sequence, taken under the
-- message's advisory lock). A row exists exactly while at least one user reacts with it.
CREATE TABLE reaction_emoji (
    room_id    text COLLATE "C" NOT NULL,
    message_id text COLLATE "C" NOT NULL,
    emoji      text COLLATE "C" NOT NULL,
    first_use  bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (room_id, message_id, emoji)
);

CREATE TABLE reaction_users (
    room_id    text COLLATE "C" NOT NULL,
    message_id text COLLATE "C" NOT NULL,
    emoji      text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    reacted    bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (room_id, message_id, emoji, user_id),
    FOREIGN KEY (room_id, message_id, emoji) REFERENCES reaction_emoji ON DELETE CASCADE
);

CREATE TABLE read_state (
    room_id   text COLLATE "C" NOT NULL,
    user_id   text COLLATE "C" NOT NULL,
    last_read bigint NOT NULL,
    PRIMARY KEY (room_id, user_id)
);

CREATE TABLE connections (
    id             text COLLATE "C" PRIMARY KEY,
    user_id        text COLLATE "C" NOT NULL,
    connected_at   timestamptz NOT NULL,
    last_heartbeat timestamptz NOT NULL,
    last_activity  timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL
);
-- byUser
CREATE INDEX connections_by_user ON connections (user_id);
-- purgeExpired
CREATE INDEX connections_by_expiry ON connections (expires_at);

-- Subscriptions die with their connection: the foreign key cascades removals and purges.
CREATE TABLE subscriptions (
    room_id       text COLLATE "C" NOT NULL,
    connection_id text COLLATE "C" NOT NULL REFERENCES connections ON DELETE CASCADE,
    user_id       text COLLATE "C" NOT NULL,
    PRIMARY KEY (room_id, connection_id)
);
-- the cascade from connections, which would otherwise scan
CREATE INDEX subscriptions_by_connection ON subscriptions (connection_id);
-- unsubscribeUser after a kick or ban
CREATE INDEX subscriptions_by_user ON subscriptions (room_id, user_id);

-- Fixed windows aligned to multiples of the window length since the epoch (in epoch millis).
CREATE TABLE rate_limits (
    key          text COLLATE "C" PRIMARY KEY,
    window_start bigint  NOT NULL,
    used         integer     NOT NULL
);

CREATE TABLE typing (
    room_id    text COLLATE "C" NOT NULL,
    user_id    text COLLATE "C" NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX typing_by_expiry ON typing (expires_at);

-- Events of the cross-node bus (PostgresEventBus): NOTIFY carries only the id.
CREATE TABLE event_outbox (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payload    text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_outbox_by_age ON event_outbox (created_at);
