-- Listings that must not read a room's whole history or every room.

-- A room's pinned messages, newest first (PinnedMessagesPort). Few rows: a partial index stays tiny.
CREATE INDEX messages_pinned ON messages (room_id, seq) WHERE pinned;

-- A room's threads by latest reply (ThreadListPort): the root carries its last reply's sequence,
-- set by the reply's post in the statement that already counts the reply on the root.
ALTER TABLE messages ADD COLUMN last_reply_seq bigint;
UPDATE messages p SET last_reply_seq = r.last_seq
FROM (SELECT room_id, parent_id, max(seq) AS last_seq
      FROM messages WHERE parent_id IS NOT NULL GROUP BY room_id, parent_id) r
WHERE p.room_id = r.room_id AND p.id = r.parent_id;
CREATE INDEX messages_threads ON messages (room_id, last_reply_seq)
    WHERE last_reply_seq IS NOT NULL;

-- A room's muted members (MuteListPort), by user id; most members are never muted.
CREATE INDEX memberships_muted ON memberships (room_id, user_id) WHERE muted_until IS NOT NULL;

-- The public room directory (RoomDirectoryPort): a prefix scan on the lower-cased name. The key is
-- written by the adapter (RoomDirectoryPort.key, locale-independent like the other stores), not
-- lower(), whose result depends on the database's ctype; COLLATE "C" orders it like them and lets
-- LIKE 'prefix%' use the index. Rows from before this migration get lower(name) once.
ALTER TABLE rooms ADD COLUMN directory_key text COLLATE "C";
UPDATE rooms SET directory_key = lower(name);
ALTER TABLE rooms ALTER COLUMN directory_key SET NOT NULL;
CREATE INDEX rooms_directory ON rooms (directory_key, id) WHERE type = 'PUBLIC' AND NOT archived;
