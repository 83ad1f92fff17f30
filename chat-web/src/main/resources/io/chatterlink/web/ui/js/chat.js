// The signed-in app: rooms, the open conversation, typing, presence, uploads, and the protocol's
// resync after every (re)connect (docs/protocol.md, section 9).
import { api, upload } from './api.js';
import { Connection } from './socket.js';
import { byId, showError } from './dom.js';
import { MessageList } from './messages.js';
import { renderOnline, renderPublicRooms, renderRoomList } from './sidebar.js';
import { Typing } from './typing.js';

/** How often the list of public rooms is fetched again. */
const PUBLIC_ROOMS_REFRESH_MS = 15000;

export class Chat {
  constructor(me, onSignedOut) {
    this.me = me;
    this.onSignedOut = onSignedOut;
    this.rooms = new Map();
    this.timelines = new Map();
    this.users = new Map([[me.id, me]]);
    this.presence = new Map();
    this.members = new Map();
    this.pending = new Map();
    this.current = null;
    this.sendCounter = 0;
    this.messages = new MessageList(byId('message-list'), {
      nameOf: (id) => this.nameOf(id),
      isMine: (id) => id === this.me.id,
      onEdit: (m, text) => this.request('edit', { messageId: m.id, text }),
      onDelete: (m) => this.request('delete', { messageId: m.id }),
    });
    this.typing = new Typing({
      request: (type, fields) => this.connection.request(type, fields),
      currentRoom: () => this.current,
      myId: () => this.me.id,
      nameOf: (id) => this.nameOf(id),
      output: byId('typing-indicator'),
    });
    this.connection = new Connection({
      onHello: (hello) => this.hello(hello),
      onPush: (push) => this.push(push),
      onState: (state) => (byId('reconnecting').hidden = state === 'open'),
      onSessionEnded: () => this.signedOut('Your session ended. Please log in again.'),
      sessionIsValid: () => api('GET', '/api/session').then(({ user }) => user !== null, () => true),
    });
  }

  start() {
    byId('me-name').textContent = this.me.displayName;
    this.connection.start();
    // New public rooms are not pushed; look again now and then.
    this.publicRoomsTimer = setInterval(() => this.refreshPublicRooms(), PUBLIC_ROOMS_REFRESH_MS);
  }

  stop() {
    clearInterval(this.publicRoomsTimer);
    this.connection.stop();
  }

  request(type, fields) {
    return this.connection.request(type, fields).catch((e) => {
      showError(byId('conversation-error'), e);
      throw e;
    });
  }

  // ---- connection and resync ----

  async hello(hello) {
    this.me = hello.user;
    this.users.set(hello.user.id, hello.user);
    this.typing.expiryMs = (hello.limits?.typingExpirySeconds || 6) * 1000;
    const present = new Set(hello.rooms.map((r) => r.id));
    for (const id of [...this.rooms.keys()]) if (!present.has(id)) this.dropRoom(id);
    for (const room of hello.rooms) this.rooms.set(room.id, room);
    this.renderRooms();
    this.refreshPublicRooms();
    await Promise.allSettled(hello.rooms.map((room) => this.subscribe(room)));
    for (const [clientMessageId, send] of this.pending) this.transmit(clientMessageId, send);
    if (this.current && this.rooms.has(this.current)) {
      if (!this.timeline(this.current).loaded) this.loadOlder();
      this.loadPresence(this.current);
    } else if (!this.current && hello.rooms.length > 0) this.open(hello.rooms[0].id, { reveal: false });
  }

  timeline(roomId) {
    if (!this.timelines.has(roomId)) {
      this.timelines.set(roomId, { byId: new Map(), lastApplied: null, oldest: null, hasMore: true, loaded: false });
    }
    return this.timelines.get(roomId);
  }

  subscribe(room) {
    const t = this.timeline(room.id);
    // A room never seen starts at its end; older messages come as history pages when opened.
    if (t.lastApplied === null) t.lastApplied = room.lastSeq;
    return this.connection.request('subscribe', { room: room.id, afterSeq: t.lastApplied });
  }

  push(p) {
    switch (p.type) {
      case 'message':
      case 'edit':
      case 'delete':
        return this.applyEntry(p);
      case 'typing':
        return this.typing.changed(p.room, p.user, p.typing);
      case 'read':
        return this.readElsewhere(p.room, p.seq);
      case 'presence':
        this.presence.set(p.presence.user, p.presence.status);
        return this.renderOnline();
      case 'member.joined':
        return this.memberJoined(p.room, p.member);
      case 'member.left':
      case 'member.removed':
        return this.memberGone(p.room, p.user);
      case 'room.changed':
        return this.renamed(p.room, p.name);
      default:
        return undefined; // Unknown push types are ignored (protocol section 10).
    }
  }

  applyEntry(p) {
    const t = this.timeline(p.room);
    if (t.lastApplied !== null && p.seq <= t.lastApplied) return;
    t.lastApplied = p.seq;
    const room = this.rooms.get(p.room);
    if (room) room.lastSeq = p.seq;
    if (p.type === 'delete') {
      const old = t.byId.get(p.messageId);
      if (old) t.byId.set(old.id, { ...old, deleted: true, text: '', attachments: [] });
    } else {
      t.byId.set(p.message.id, p.message);
      if (p.type === 'message') {
        this.pending.delete(p.message.sender === this.me.id ? p.message.clientMessageId : '');
        this.typing.changed(p.room, p.message.sender, false);
        if (room && p.message.sender !== this.me.id && (p.room !== this.current || document.hidden)) room.unread += 1;
      }
    }
    if (p.room === this.current) {
      this.renderMessages();
      this.markRead();
    }
    this.renderRooms();
  }

  // ---- rooms ----

  addRoom(room) {
    const known = this.rooms.has(room.id);
    this.rooms.set(room.id, room);
    this.renderRooms();
    if (!known) this.subscribe(room).catch(() => {});
  }

  dropRoom(id) {
    this.rooms.delete(id);
    this.timelines.delete(id);
    if (this.current === id) {
      this.current = null;
      this.renderConversation();
    }
    this.renderRooms();
  }

  memberJoined(room, member) {
    this.users.set(member.user.id, member.user);
    if (member.user.id === this.me.id) this.addRoom(room);
    else if (room.id === this.current) this.loadPresence(room.id);
  }

  memberGone(roomId, userId) {
    if (userId === this.me.id) this.dropRoom(roomId);
    else if (roomId === this.current) this.loadPresence(roomId);
  }

  renamed(roomId, name) {
    const room = this.rooms.get(roomId);
    if (!room) return;
    room.name = name;
    this.renderRooms();
    if (roomId === this.current) this.renderConversation();
  }

  roomName(room) {
    if (room.kind !== 'direct') return room.name;
    const others = room.directMembers.filter((u) => u.id !== this.me.id).map((u) => u.displayName);
    return others.length ? others.join(', ') : room.name;
  }

  // Shows a room; on a phone-sized screen `reveal` also switches from the room list to it.
  async open(roomId, { reveal = true } = {}) {
    this.current = roomId;
    this.messages.clear();
    if (reveal) byId('chat-view').classList.add('show-conversation');
    showError(byId('conversation-error'), null);
    this.renderConversation();
    this.renderRooms();
    const t = this.timeline(roomId);
    if (!t.loaded) await this.loadOlder();
    else this.renderMessages(true);
    this.loadPresence(roomId);
    this.markRead();
  }

  async loadOlder() {
    const roomId = this.current;
    const t = this.timeline(roomId);
    if (!roomId || t.loading || (t.loaded && !t.hasMore)) return;
    t.loading = true;
    try {
      const page = await this.connection.request(
        'history',
        t.loaded ? { room: roomId, direction: 'before', seq: t.oldest } : { room: roomId, direction: 'latest' },
      );
      for (const m of page.messages) if (!t.byId.has(m.id)) t.byId.set(m.id, m);
      if (page.messages.length) t.oldest = Math.min(t.oldest ?? Infinity, page.messages[0].seq);
      t.hasMore = page.hasMore;
      const first = !t.loaded;
      t.loaded = true;
      if (roomId === this.current) this.renderMessages(first);
    } catch (e) {
      showError(byId('conversation-error'), e);
    } finally {
      t.loading = false;
    }
  }

  async loadPresence(roomId) {
    try {
      const [members, presence] = await Promise.all([
        api('GET', `/api/rooms/${encodeURIComponent(roomId)}/members`),
        this.connection.request('presence.query', { room: roomId }),
      ]);
      for (const m of members.members) this.users.set(m.user.id, m.user);
      this.members.set(roomId, members.members.map((m) => m.user.id));
      for (const p of presence.presence) this.presence.set(p.user, p.status);
      if (roomId === this.current) {
        this.renderOnline();
        this.renderMessages();
      }
    } catch {
      // Presence is a nicety; the next push or room switch tries again.
    }
  }

  markRead() {
    const room = this.rooms.get(this.current);
    const t = this.timelines.get(this.current);
    if (!room || !t || document.hidden) return;
    if (room.unread !== 0) {
      room.unread = 0;
      this.renderRooms();
    }
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      if (t.lastApplied) this.connection.request('read', { room: room.id, seq: t.lastApplied }).catch(() => {});
    }, 300);
  }

  readElsewhere(roomId, seq) {
    const room = this.rooms.get(roomId);
    if (room && seq >= room.lastSeq) {
      room.unread = 0;
      this.renderRooms();
    }
  }

  // ---- sending ----

  send(text, attachments = []) {
    if (!this.current || !text.trim()) return;
    this.sendCounter += 1;
    const clientMessageId = `c-${Date.now().toString(36)}-${this.sendCounter}-${Math.random().toString(36).slice(2, 8)}`;
    const send = { room: this.current, text, attachments };
    this.pending.set(clientMessageId, send);
    this.typing.stop();
    this.transmit(clientMessageId, send);
  }

  transmit(clientMessageId, send) {
    this.connection
      .request('send', { room: send.room, clientMessageId, text: send.text, attachments: send.attachments, replyTo: null })
      .then(() => this.pending.delete(clientMessageId))
      .catch((e) => {
        // Lost connections keep the send pending for the resync; refusals drop it.
        if (e.code) {
          this.pending.delete(clientMessageId);
          showError(byId('conversation-error'), e);
        }
      });
  }

  async uploadFile(file) {
    if (!this.current || !file) return;
    const progress = byId('upload-progress');
    progress.value = 0;
    progress.hidden = false;
    showError(byId('conversation-error'), null);
    try {
      const attachment = await upload(this.current, file, (percent) => (progress.value = percent));
      this.send(file.name, [attachment.id]);
    } catch (e) {
      showError(byId('conversation-error'), e);
    } finally {
      progress.hidden = true;
    }
  }

  // ---- HTTP room management ----

  async refreshPublicRooms() {
    try {
      const { rooms } = await api('GET', '/api/public-rooms');
      renderPublicRooms(byId('public-list'), rooms, (id) => this.join(id));
    } catch (e) {
      showError(byId('sidebar-error'), e);
    }
  }

  async roomAction(action) {
    showError(byId('sidebar-error'), null);
    try {
      const { room } = await action();
      this.addRoom(room);
      await this.open(room.id);
      this.refreshPublicRooms();
    } catch (e) {
      showError(byId('sidebar-error'), e);
    }
  }

  createRoom(name, kind) {
    return this.roomAction(() => api('POST', '/api/rooms', { name, kind }));
  }

  join(roomId) {
    return this.roomAction(() => api('POST', `/api/rooms/${encodeURIComponent(roomId)}/join`, {}));
  }

  openDirect(username) {
    return this.roomAction(() => api('POST', '/api/direct', { usernames: [username] }));
  }

  async inviteToCurrent(username) {
    try {
      const { users } = await api('GET', `/api/users?prefix=${encodeURIComponent(username)}`);
      const user = users.find((u) => u.username.toLowerCase() === username.trim().toLowerCase());
      if (!user) throw new Error(`no user is called ${username}`);
      await api('POST', `/api/rooms/${encodeURIComponent(this.current)}/members`, { user: user.id });
      this.loadPresence(this.current);
    } catch (e) {
      showError(byId('conversation-error'), e);
    }
  }

  async leaveCurrent() {
    try {
      await api('POST', `/api/rooms/${encodeURIComponent(this.current)}/leave`, {});
      this.dropRoom(this.current);
      this.refreshPublicRooms();
    } catch (e) {
      showError(byId('conversation-error'), e);
    }
  }

  async logOut() {
    try {
      await api('POST', '/api/logout', {});
    } finally {
      this.signedOut('');
    }
  }

  signedOut(message) {
    this.stop();
    this.onSignedOut(message);
  }

  // ---- rendering ----

  nameOf(userId) {
    const user = this.users.get(userId);
    if (!user) {
      this.users.set(userId, { id: userId, username: '…', displayName: '…' });
      api('GET', `/api/users/${encodeURIComponent(userId)}`)
        .then(({ user: found }) => {
          this.users.set(userId, found);
          if (this.current) this.renderMessages();
        })
        .catch(() => {});
      return '…';
    }
    return user.displayName;
  }

  renderRooms() {
    renderRoomList(byId('room-list'), this.rooms.values(), {
      current: this.current,
      nameOf: (room) => this.roomName(room),
      onOpen: (id) => this.open(id),
    });
  }

  renderConversation() {
    const room = this.rooms.get(this.current);
    byId('room-title').textContent = room ? this.roomName(room) : 'Pick a room';
    byId('composer-form').hidden = !room;
    byId('leave-button').hidden = !room || room.kind === 'direct';
    byId('invite-form').hidden = !room || room.kind === 'direct';
    if (!room) {
      this.messages.clear();
      byId('chat-view').classList.remove('show-conversation');
    }
    this.typing.render();
    this.renderOnline();
  }

  renderMessages(toBottom) {
    const t = this.timelines.get(this.current);
    if (!t) return;
    const sorted = [...t.byId.values()].sort((a, b) => a.seq - b.seq);
    this.messages.render(sorted, toBottom ? { keepBottom: true } : undefined);
  }

  renderOnline() {
    renderOnline(byId('online-list'), this.members.get(this.current) || [], this.presence, (id) => this.nameOf(id));
  }
}
