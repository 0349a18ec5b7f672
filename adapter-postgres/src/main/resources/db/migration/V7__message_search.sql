-- Full-text search within a room (GET /rooms/{roomId}/messages/search). The 'simple' configuration
-- lowercases and splits words without stemming or stop words, so every language is searchable the
-- same way. A deleted message has a NULL body, so its vector is empty and it never matches.
-- Adding a stored generated column rewrites the table: on a big existing table run this in a
-- maintenance window.
ALTER TABLE messages
    ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED;

CREATE INDEX messages_search ON messages USING gin (search_vector);
