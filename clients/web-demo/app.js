// The browser chat demo of the sample server. Every protocol step goes through the TypeScript
// client's browser bundle (the global `Parley`); this file only draws and wires the page.
'use strict';

const $ = (id) => document.getElementById(id);
const REACTION = '👍';
const TYPING_EVERY_MS = 2000; // the protocol's limit for typing notices

const session = {
  get user() { return sessionStorage.getItem('parley.user'); },
  get room() { return sessionStorage.getItem('parley.room'); },
  set room(id) { sessionStorage.setItem('parley.room', id); },
};

let client;
let me;
let current; // the open room's id
let threadRoot; // the open thread's root message id
let lastTypingSent = 0;
let roomPoll;
const messages = new Map(); // id -> Message, for the open room and its thread
const presence = new Map(); // userId -> status

// Development tokens come from the sample server; it serves them only with its built-in secret.
async function devToken(user) {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  sessionStorage.setItem('parley.token', body.token);
  return body.token;
}

async function signIn(user) {
  // A new sign-in proves the name is accepted before the page switches over; a reload reuses
  // the stored token.
  if (user !== session.user || !sessionStorage.getItem('parley.token')) await devToken(user);
  sessionStorage.setItem('parley.user', user);
  me = user;
  client = new Parley.ParleyClient({
    baseUrl: location.origin,
    // A stored token lets a reload connect without a round trip; the client asks again on expiry.
    getToken: async () => sessionStorage.getItem('parley.token') || devToken(me),
  });
  client.onStateChange((state) => {
    $('state').textContent = state;
    $('state').dataset.state = state;
    // Each new connection gets a fresh token (the stored one may have run out).
    if (state === 'reconnecting') sessionStorage.removeItem('parley.token');
  });
  client.onEvent(onEvent);
  $('me').textContent = `signed in as ${me}`;
  $('sign-in-form').hidden = true;
  $('chat').hidden = false;
  $('sign-out').hidden = false;
  await client.connect();
  await refreshRooms();
  roomPoll = setInterval(() => refreshRooms().catch(showError), 3000);
  if (session.room) await openRoom(session.room).catch(showError);
}

function signOut() {
  clearInterval(roomPoll);
  client?.close();
  sessionStorage.clear();
  location.reload();
}

async function refreshRooms() {
  const page = await client.rest.listMyRooms({ limit: 100 });
  const list = $('rooms');
  const known = new Set([...list.children].map((li) => li.dataset.roomId));
  const fresh = page.items.map((room) => room.id);
  if (fresh.length === known.size && fresh.every((id) => known.has(id))) return;
  list.replaceChildren(
    ...page.items.map((room) => {
      const li = document.createElement('li');
      li.dataset.roomId = room.id;
      li.textContent = `# ${room.name}`;
      li.classList.toggle('selected', room.id === current);
      li.addEventListener('click', () => openRoom(room.id).catch(showError));
      return li;
    }),
  );
}

async function openRoom(roomId) {
  if (current && current !== roomId) await client.unsubscribe(current);
  const room = await client.rest.getRoom(roomId);
  current = roomId;
  session.room = roomId;
  closeThread();
  messages.clear();
  presence.clear();
  $('room').hidden = false;
  $('room-title').textContent = `# ${room.name}`;
  $('room-id').textContent = room.id;
  $('typing').textContent = '';
  for (const li of $('rooms').children) li.classList.toggle('selected', li.dataset.roomId === roomId);
  const history = await client.rest.listHistory(roomId, { limit: 50 });
  $('messages').replaceChildren();
  let last = 0;
  for (const message of history.messages) {
    last = Math.max(last, message.sequence);
    show(message);
  }
  // From the last message shown on: the client fills any gap and then delivers live events.
  await client.subscribe(roomId, { afterSeq: last });
  await loadPresence(roomId);
}

async function loadPresence(roomId) {
  const page = await client.rest.getRoomPresence(roomId, { limit: 100 });
  if (roomId !== current) return;
  presence.clear();
  for (const p of page.items) presence.set(p.userId, p.status);
  drawPresence();
}

function drawPresence() {
  $('presence').replaceChildren(
    ...[...presence.entries()].map(([user, status]) => {
      const li = document.createElement('li');
      li.dataset.user = user;
      li.dataset.status = status;
      li.textContent = `${user} (${status})`;
      return li;
    }),
  );
}

function onEvent(event) {
  if (event.roomId !== current) return;
  const data = event.data;
  switch (event.event) {
    case 'message.posted':
      show(data, true);
      break;
    case 'message.edited':
    case 'message.pinned':
      show(data);
      break;
    case 'message.deleted': {
      const message = messages.get(data.messageId);
      if (message) show({ ...message, text: undefined, deleted: true });
      break;
    }
    case 'reaction.changed': {
      const message = messages.get(data.messageId);
      if (!message) break;
      const others = message.reactions.filter((r) => r.emoji !== data.emoji);
      const reactions = data.count > 0 ? [...others, { emoji: data.emoji, count: data.count }] : others;
      show({ ...message, reactions });
      break;
    }
    case 'typing.changed': {
      const typers = data.typers.filter((user) => user !== me);
      $('typing').textContent =
        typers.length === 0 ? '' : `${typers.join(', ')} ${typers.length === 1 ? 'is' : 'are'} typing…`;
      break;
    }
    case 'presence.changed':
      presence.set(data.userId, data.status);
      drawPresence();
      break;
    case 'member.joined':
    case 'member.left':
    case 'member.kicked':
    case 'member.banned':
      loadPresence(current).catch(showError);
      break;
    default:
      break; // events this page does not draw
  }
}

// Draws a message where it belongs (the room or the open thread), replacing an older copy. A
// reply seen live for the first time adds one to its root's count; loaded ones are counted already.
function show(message, live = false) {
  const previous = messages.get(message.id);
  // Events carry no reactions: keep the ones already known.
  const reactions = message.reactions?.length ? message.reactions : previous?.reactions ?? [];
  const merged = { ...previous, ...message, reactions };
  messages.set(merged.id, merged);
  if (merged.parentId) {
    const root = messages.get(merged.parentId);
    if (live && !previous && root) show({ ...root, replyCount: root.replyCount + 1 });
    if (merged.parentId === threadRoot) place($('thread-messages'), merged, false);
    return;
  }
  place($('messages'), merged, true);
  if (merged.id === threadRoot) place($('thread-messages'), merged, false);
}

function place(list, message, withActions) {
  const item = render(message, withActions);
  const old = list.querySelector(`[data-id="${CSS.escape(message.id)}"]`);
  if (old) {
    old.replaceWith(item);
    return;
  }
  const after = [...list.children].find((li) => Number(li.dataset.sequence) > message.sequence);
  list.insertBefore(item, after ?? null);
  list.scrollTop = list.scrollHeight;
}

function render(message, withActions) {
  const li = document.createElement('li');
  li.className = 'message';
  li.dataset.id = message.id;
  li.dataset.sequence = String(message.sequence);
  const author = document.createElement('span');
  author.className = 'author';
  author.textContent = message.author;
  const text = document.createElement('span');
  text.className = 'text';
  text.textContent = message.deleted ? '(deleted)' : message.text;
  const reactions = document.createElement('span');
  reactions.className = 'reactions';
  for (const r of message.reactions) {
    const badge = document.createElement('span');
    badge.className = 'reaction';
    badge.dataset.emoji = r.emoji;
    badge.textContent = `${r.emoji} ${r.count}`;
    reactions.append(badge);
  }
  li.append(author, text, reactions);
  if (withActions && !message.deleted) {
    const react = document.createElement('button');
    react.className = 'react';
    react.textContent = `+${REACTION}`;
    react.addEventListener('click', () =>
      client.rest.addReaction(current, message.id, REACTION).then(show).catch(showError),
    );
    const reply = document.createElement('button');
    reply.className = 'reply';
    reply.textContent = message.replyCount ? `${message.replyCount} repl${message.replyCount === 1 ? 'y' : 'ies'}` : 'Reply';
    reply.addEventListener('click', () => openThread(message.id).catch(showError));
    li.append(react, reply);
  }
  return li;
}

async function openThread(rootId) {
  threadRoot = rootId;
  $('thread').hidden = false;
  $('thread-messages').replaceChildren();
  const root = messages.get(rootId) ?? (await client.rest.getMessage(current, rootId));
  place($('thread-messages'), root, false);
  const replies = await client.rest.listThreadReplies(current, rootId, { limit: 100 });
  for (const reply of replies.items) show(reply);
  $('thread-text').focus();
}

function closeThread() {
  threadRoot = undefined;
  $('thread').hidden = true;
}

async function send(input, options) {
  const text = input.value.trim();
  if (!text || !current) return;
  input.value = '';
  lastTypingSent = 0;
  client.rest.sendTyping(current, false).catch(() => {});
  show(await client.post(current, text, options), true);
}

function typing() {
  if (!current) return;
  const now = Date.now();
  if ($('text').value === '') {
    lastTypingSent = 0;
    client.rest.sendTyping(current, false).catch(() => {});
  } else if (now - lastTypingSent >= TYPING_EVERY_MS) {
    lastTypingSent = now;
    client.rest.sendTyping(current, true).catch(() => {});
  }
}

function showError(error) {
  console.error(error);
  $('error').textContent = error?.problem?.detail || error?.message || String(error);
  setTimeout(() => ($('error').textContent = ''), 6000);
}

function on(id, type, handler) {
  $(id).addEventListener(type, (e) => {
    if (type === 'submit') e.preventDefault();
    Promise.resolve(handler(e)).catch(showError);
  });
}

on('sign-in-form', 'submit', async () => {
  $('sign-in-error').textContent = '';
  await signIn($('name').value.trim()).catch((e) => {
    $('sign-in-error').textContent = e.message;
  });
});
on('sign-out', 'click', signOut);
on('create-room-form', 'submit', async () => {
  const invite = $('room-invite').value.split(/[\s,]+/).filter(Boolean);
  const room = await client.rest.createRoom({
    name: $('room-name').value.trim(),
    type: 'public',
    settings: { presenceEvents: true, typingEvents: true },
    ...(invite.length ? { invite } : {}),
  });
  $('room-name').value = '';
  $('room-invite').value = '';
  await refreshRooms();
  await openRoom(room.id);
});
on('join-form', 'submit', async () => {
  const roomId = $('join-id').value.trim();
  await client.rest.joinRoom(roomId);
  $('join-id').value = '';
  await refreshRooms();
  await openRoom(roomId);
});
on('composer', 'submit', () => send($('text')));
on('thread-composer', 'submit', () => send($('thread-text'), { threadRootId: threadRoot }));
on('text', 'input', typing);
on('close-thread', 'click', closeThread);

if (session.user) {
  signIn(session.user).catch((e) => {
    sessionStorage.clear();
    $('sign-in-error').textContent = e.message;
  });
}
