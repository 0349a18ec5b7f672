-- Which messages mention which members. Keyed (room, user, sequence) so that a member's mentions
-- after their read marker are one index range count, without touching messages.
CREATE TABLE mentions (
    room_id  text COLLATE "C" NOT NULL,
    user_id  text COLLATE "C" NOT NULL,
    sequence bigint NOT NULL,
    PRIMARY KEY (room_id, user_id, sequence)
);
