-- Each user's block list. The primary key serves both the list (blocker, ordered by blocked) and
-- the check of a history page's authors (blocker, blocked = ANY(...)).
CREATE TABLE blocks (
    blocker text COLLATE "C" NOT NULL,
    blocked text COLLATE "C" NOT NULL,
    PRIMARY KEY (blocker, blocked)
);
