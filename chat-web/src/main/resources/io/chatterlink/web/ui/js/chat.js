// The signed-in app: the state of rooms, people and timelines, and the protocol's resync after
// every (re)connect (docs/protocol.md, section 9). Rendering lives in timeline.js and sidebar.js,
// sending in outbox.js, uploads in uploads.js, the socket in connection.js.
import { api } from './api.js';
import { Connection } from './connection.js';
import { byId, showError } from './dom.js';
import { Outbox } from './outbox.js';
import { Timeline, mentions } from './timeline.js';
import { Uploads } from './uploads.js';
import { Rooms } from './rooms.js';
import { Typing } from './typing.js';
import { notify, updateTitle } from './notify.js';

/** A tab hidden this long reports the user "away"; showing it again reports "online". */
const AWAY_AFTER_MS = 5 * 60 * 1000;

export class Chat {
  constructor(me, config, onSignedOut) {
    this.me = me;
    this.config = config;
    this.onSignedOut = onSignedOut;
    this.timelines = new Map();
    this.users = new Map([[me.id, me]]);
    this.presence = new Map();
    this.current = null;
    this.connected = false;
    this.rooms = new Rooms(this);
    this.timeline = new Timeline(byId('message-list'), byId('new-messages'), {
      nameOf: (id) => this.nameOf(id),
      myId: () => this.me.id,
      myUsername: () => this.me.username,
      onEdit: (m, text) => this.request('edit', { messageId: m.id, text }),
      onDelete: (m) => this.rooms.confirmDelete(m),
      onRetry: (id) => this.outbox.retry(id),
      onDiscard: (id) => this.outbox.discard(id),
      onScrollTop: () => this.loadOlder(),
    });
    this.outbox = new Outbox({
      request: (type, fields) => this.connection.request(type, fields).then((data) => {
        showError(byId('conversation-error'), null);
        return data;
      }),
      onChange: (room) => room === this.current && this.renderMessages(),
      onRefused: (room, e) => room === this.current && showError(byId('conversation-error'), e),
    });
    this.uploads = new Uploads({
      tray: byId('upload-tray'),
      errorTarget: byId('conversation-error'),
      currentRoom: () => this.current,
      config: () => this.config,
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
      onState: (state) => this.connectionState(state),
      onSessionEnded: () => this.sessionEnded(),
      sessionIsValid: () => api('GET', '/api/session').then(({ user }) => user !== null, () => true),
    });
  }

  start() {
    byId('me-name').textContent = this.me.displayName;
    this.connection.start();
  }

  stop() {
    clearTimeout(this.awayTimer);
    this.connection.stop();
    this.uploads.clear();
  }

  request(type, fields) {
    return this.connection.request(type, fields).then(
      (data) => {
        showError(byId('conversation-error'), null);
        return data;
      },
      (e) => {
        showError(byId('conversation-error'), e);
        throw e;
      },
    );
  }

  // ---- connection and resync ----

  connectionState(state) {
    this.connected = state === 'open';
    byId('connection-banner').hidden = this.connected;
    document.body.classList.toggle('disconnected', !this.connected);
  }

  async hello(hello) {
    // Every new connection starts "online" on the server.
    this.away = false;
    this.visibilityChanged();
    this.me = hello.user;
    this.users.set(hello.user.id, hello.user);
    byId('me-name').textContent = this.me.displayName;
    this.typing.expiryMs = (hello.limits?.typingExpirySeconds || 6) * 1000;
    this.rooms.replaceAll(hello.rooms);
    this.rooms.refreshPublic();
    await Promise.allSettled(hello.rooms.map((room) => this.subscribe(room)));
    this.outbox.resendAll();
    this.rooms.loadDirectPresence();
    if (this.current && this.rooms.has(this.current)) {
      if (!this.timelineOf(this.current).loaded) this.loadOlder();
      this.rooms.loadMembers(this.current);
    } else if (!this.current && hello.rooms.length > 0 && !this.rooms.narrow()) {
      this.open(this.rooms.first().id, { reveal: false });
    }
    this.rooms.render();
  }

  visibilityChanged() {
    clearTimeout(this.awayTimer);
    if (document.hidden) this.awayTimer = setTimeout(() => this.setAway(true), AWAY_AFTER_MS);
    else this.setAway(false);
  }

  setAway(away) {
    if (this.away === away || !this.connected) return;
    this.away = away;
    this.connection.request('presence.set', { status: away ? 'away' : 'online' }).catch(() => (this.away = !away));
  }

  timelineOf(roomId) {
    if (!this.timelines.has(roomId)) {
      this.timelines.set(roomId, { byId: new Map(), lastApplied: null, oldest: null, hasMore: true, loaded: false });
    }
    return this.timelines.get(roomId);
  }

  /**
   * Subscribes from the last entry applied; every missed entry arrives before the reply (protocol
   * section 9). A 400 means the server's log ends before what this page saw (the database was
   * restored, say): the room's timeline starts again from its end and is reloaded as history.
   */
  subscribe(room) {
    const t = this.timelineOf(room.id);
    // A room never seen starts at its end; older messages come as history pages when opened.
    if (t.lastApplied === null) t.lastApplied = room.lastSeq;
    return this.connection.request('subscribe', { room: room.id, afterSeq: t.lastApplied }).catch((e) => {
      if (e.code !== 400) throw e;
      this.timelines.delete(room.id);
      this.timelineOf(room.id).lastApplied = room.lastSeq;
      if (room.id === this.current) this.loadOlder();
      return this.connection.request('subscribe', { room: room.id, afterSeq: room.lastSeq });
    });
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
        return this.rooms.readElsewhere(p.room, p.seq);
      case 'presence':
        this.presence.set(p.presence.user, p.presence);
        return this.rooms.renderPresence();
      case 'member.joined':
        return this.rooms.memberJoined(p.room, p.member);
      case 'member.left':
      case 'member.removed':
        return this.rooms.memberGone(p.room, p.user);
      case 'room.changed':
        return this.rooms.renamed(p.room, p.name);
      case 'room.created':
        return this.rooms.publicRoomCreated(p.room);
      default:
        return undefined; // Unknown push types are ignored (protocol section 10).
    }
  }

  applyEntry(p) {
    const t = this.timelineOf(p.room);
    if (t.lastApplied !== null && p.seq <= t.lastApplied) return;
    t.lastApplied = p.seq;
    const room = this.rooms.get(p.room);
    if (room) room.lastSeq = p.seq;
    let fromOthers = false;
    if (p.type === 'delete') {
      const old = t.byId.get(p.messageId);
      if (old) t.byId.set(old.id, { ...old, deleted: true, text: '', attachments: [] });
    } else {
      t.byId.set(p.message.id, p.message);
      if (p.type === 'message') {
        const mine = p.message.sender === this.me.id;
        if (mine && p.message.clientMessageId) this.outbox.delivered(p.message.clientMessageId);
        this.typing.changed(p.room, p.message.sender, false);
        fromOthers = !mine;
        if (room && !mine && (p.room !== this.current || document.hidden)) {
          room.unread += 1;
          this.notifyAbout(room, p.message);
        }
      }
    }
    if (p.room === this.current) {
      this.renderMessages({ arrivedFromOthers: fromOthers });
      this.markRead();
    }
    this.rooms.render();
  }

  notifyAbout(room, message) {
    if (room.kind !== 'direct' && !mentions(message.text, this.me.username)) return;
    const where = room.kind === 'direct' ? this.nameOf(message.sender) : `${this.nameOf(message.sender)} in #${room.name}`;
    notify(where, message.text || 'sent an attachment', () => this.open(room.id));
  }

  // ---- the open room ----

  // Shows a room; on a phone-sized screen `reveal` also switches from the room list to it.
  async open(roomId, { reveal = true } = {}) {
    if (this.current !== roomId) {
      this.uploads.clear();
      this.timeline.clear();
    }
    this.current = roomId;
    if (reveal) byId('chat-view').classList.add('show-conversation');
    showError(byId('conversation-error'), null);
    this.rooms.renderConversation();
    this.rooms.render();
    const t = this.timelineOf(roomId);
    if (!t.loaded) await this.loadOlder();
    else this.renderMessages({ toBottom: true });
    this.rooms.loadMembers(roomId);
    this.markRead();
    if (reveal) byId('composer').focus();
  }

  close() {
    this.current = null;
    this.uploads.clear();
    this.timeline.clear();
    this.rooms.renderConversation();
    this.rooms.render();
  }

  async loadOlder() {
    const roomId = this.current;
    const t = this.timelineOf(roomId);
    if (!roomId || t.loading || (t.loaded && !t.hasMore) || !this.connected) return;
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
      if (roomId === this.current) this.renderMessages({ toBottom: first });
    } catch (e) {
      if (e.code) showError(byId('conversation-error'), e);
    } finally {
      t.loading = false;
    }
  }

  markRead() {
    const room = this.rooms.get(this.current);
    const t = this.timelines.get(this.current);
    if (!room || !t || document.hidden) return;
    if (room.unread !== 0) {
      room.unread = 0;
      this.rooms.render();
    }
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      if (t.lastApplied) this.connection.request('read', { room: room.id, seq: t.lastApplied }).catch(() => {});
    }, 300);
  }

  // ---- sending ----

  async send(text) {
    const room = this.current;
    if (!room) return;
    const uploading = this.uploads.busy;
    if (!text.trim() && !uploading) return;
    this.typing.stop();
    const attachments = uploading ? await this.uploads.take() : [];
    if (!text.trim() && attachments.length === 0) return;
    this.outbox.add(room, text, attachments.map((a) => a.id), attachments.map((a) => `📎 ${a.name}`));
    this.timeline.scrollToBottom();
  }

  // ---- signing out ----

  /** Logs out; while the server cannot be reached, the logout is finished on the next visit. */
  async logOut() {
    try {
      await api('POST', '/api/logout', {});
      localStorage.removeItem('chatterlink.logoutPending');
      this.signedOut('');
    } catch {
      localStorage.setItem('chatterlink.logoutPending', '1');
      this.signedOut("You're logged out on this page. The server can't be reached right now, so your session will be ended there as soon as it's back.");
    }
  }

  /** A password change replaces our session: the old socket closes with 4401, the new one opens. */
  expectNewSession() {
    this.newSessionExpected = true;
  }

  sessionEnded() {
    if (this.newSessionExpected) {
      this.newSessionExpected = false;
      this.connection.start();
      return;
    }
    this.signedOut('Your session ended. Please log in again.');
  }

  signedOut(message) {
    this.stop();
    this.onSignedOut(message);
  }

  // ---- people and rendering ----

  nameOf(userId) {
    const user = this.users.get(userId);
    if (!user) {
      this.users.set(userId, { id: userId, username: '…', displayName: '…' });
      api('GET', `/api/users/${encodeURIComponent(userId)}`)
        .then(({ user: found }) => {
          this.users.set(userId, found);
          if (this.current) this.renderMessages();
          this.rooms.renderPresence();
        })
        .catch(() => {});
      return '…';
    }
    return user.displayName;
  }

  renderMessages(options = {}) {
    const t = this.timelines.get(this.current);
    if (!t) return;
    const sorted = [...t.byId.values()].sort((a, b) => a.seq - b.seq);
    this.timeline.render(sorted, this.outbox.inRoom(this.current), { complete: t.loaded && !t.hasMore, ...options });
    updateTitle(this.rooms.unreadTotal());
  }
}
