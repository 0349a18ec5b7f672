-- Ephemeral state skips the write-ahead log: rate-limit windows, typing notices, live connections
-- and their subscriptions, and the cross-node event outbox are rebuilt by clients within seconds
-- (they reconnect, resubscribe, and resume by sequence), so losing them in a crash costs nothing,
-- while flushing the WAL for them on every post doubled the post's commit latency.
-- Messages, rooms, memberships, bans, reactions and read state stay fully durable.
-- Children first: a logged table may not reference an unlogged one.
ALTER TABLE subscriptions SET UNLOGGED;
ALTER TABLE connections SET UNLOGGED;
ALTER TABLE rate_limits SET UNLOGGED;
ALTER TABLE typing SET UNLOGGED;
ALTER TABLE event_outbox SET UNLOGGED;
