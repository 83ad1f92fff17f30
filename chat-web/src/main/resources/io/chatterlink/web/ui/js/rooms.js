// Your rooms and conversations as the sidebar and the conversation header show them: membership
// changes from pushes, room actions over HTTP (create, join, direct messages, invite, leave), the
// open room's members and presence, and the public-room browser.
import { api } from './api.js';
import { byId, el, showError } from './dom.js';
import { confirmAction } from './dialogs.js';
import { presenceDot, presenceText, renderMembers, renderRoomBrowser, renderRoomLists } from './sidebar.js';
import { updateTitle } from './notify.js';

/** Below this width the room list and the conversation are separate screens. */
const NARROW = '(max-width: 720px)';

export class Rooms {
  constructor(chat) {
    this.chat = chat;
    this.byId = new Map();
    this.members = new Map();
    this.publicRooms = [];
  }

  has(id) {
    return this.byId.has(id);
  }

  get(id) {
    return this.byId.get(id);
  }

  first() {
    return [...this.byId.values()].sort((a, b) => this.nameOf(a).localeCompare(this.nameOf(b)))[0];
  }

  narrow() {
    return window.matchMedia(NARROW).matches;
  }

  unreadTotal() {
    let total = 0;
    for (const room of this.byId.values()) total += room.unread;
    return total;
  }

  /** The rooms of a hello: adds new ones, drops vanished ones. */
  replaceAll(rooms) {
    const present = new Set(rooms.map((r) => r.id));
    for (const id of [...this.byId.keys()]) if (!present.has(id)) this.drop(id);
    for (const room of rooms) {
      this.byId.set(room.id, room);
      for (const u of room.directMembers) this.chat.users.set(u.id, u);
    }
    this.render();
  }

  add(room) {
    const known = this.byId.has(room.id);
    this.byId.set(room.id, room);
    for (const u of room.directMembers) this.chat.users.set(u.id, u);
    this.render();
    if (known) return;
    this.chat.subscribe(room).catch(() => {});
    if (room.kind === 'direct') this.loadDirectPresence([room]);
  }

  drop(id) {
    this.byId.delete(id);
    this.chat.timelines.delete(id);
    this.chat.outbox.dropRoom(id);
    if (this.chat.current === id) this.chat.close();
    this.render();
  }

  nameOf(room) {
    if (room.kind !== 'direct') return room.name;
    const others = room.directMembers.filter((u) => u.id !== this.chat.me.id).map((u) => u.displayName);
    return others.length ? others.join(', ') : room.name;
  }

  partnerOf(room) {
    const others = room.directMembers.filter((u) => u.id !== this.chat.me.id);
    return others.length === 1 ? others[0] : null;
  }

  // ---- pushes ----

  memberJoined(room, member) {
    this.chat.users.set(member.user.id, member.user);
    if (member.user.id === this.chat.me.id) this.add(room);
    else if (room.id === this.chat.current) this.loadMembers(room.id);
    this.updatePublic(room);
  }

  memberGone(roomId, userId) {
    if (userId === this.chat.me.id) this.drop(roomId);
    else if (roomId === this.chat.current) this.loadMembers(roomId);
  }

  renamed(roomId, name) {
    const room = this.byId.get(roomId);
    if (!room) return;
    room.name = name;
    this.render();
    if (roomId === this.chat.current) this.renderConversation();
  }

  /** A public room was created by someone: it appears in the room browser at once. */
  publicRoomCreated(room) {
    this.updatePublic(room);
  }

  updatePublic(room) {
    if (room.kind !== 'public') return;
    const others = this.publicRooms.filter((r) => r.id !== room.id);
    const role = this.byId.has(room.id) ? this.byId.get(room.id).role || 'member' : null;
    this.publicRooms = [...others, { ...room, role }].sort((a, b) => a.name.localeCompare(b.name));
    this.renderBrowser();
  }

  readElsewhere(roomId, seq) {
    const room = this.byId.get(roomId);
    if (room && seq >= room.lastSeq) {
      room.unread = 0;
      this.render();
    }
  }

  // ---- loading ----

  async refreshPublic() {
    try {
      const { rooms } = await api('GET', '/api/public-rooms');
      this.publicRooms = rooms.sort((a, b) => a.name.localeCompare(b.name));
      this.renderBrowser();
      this.render();
    } catch {
      // The browser shows what it had; the next connect or opening it tries again.
    }
  }

  async loadMembers(roomId) {
    try {
      const [members, presence] = await Promise.all([
        api('GET', `/api/rooms/${encodeURIComponent(roomId)}/members`),
        this.chat.connection.request('presence.query', { room: roomId }),
      ]);
      for (const m of members.members) this.chat.users.set(m.user.id, m.user);
      this.members.set(roomId, members.members.map((m) => m.user.id));
      for (const p of presence.presence) this.chat.presence.set(p.user, p);
      if (roomId === this.chat.current) {
        this.renderPresence();
        this.chat.renderMessages();
      }
    } catch {
      // Presence is a nicety; the next push or room switch tries again.
    }
  }

  /** The presence of everyone we have a direct conversation with, for the sidebar's dots. */
  async loadDirectPresence(directs = [...this.byId.values()].filter((r) => r.kind === 'direct')) {
    await Promise.allSettled(directs.map(async (room) => {
      const { presence } = await this.chat.connection.request('presence.query', { room: room.id });
      for (const p of presence) this.chat.presence.set(p.user, p);
    }));
    this.renderPresence();
  }

  // ---- actions ----

  async act(action, errorTarget = byId('sidebar-error')) {
    showError(errorTarget, null);
    try {
      const { room } = await action();
      this.add(room);
      await this.chat.open(room.id);
      this.updatePublic(room);
      return true;
    } catch (e) {
      showError(errorTarget, e);
      return false;
    }
  }

  create(name, kind) {
    return this.act(() => api('POST', '/api/rooms', { name, kind }), byId('new-room-error'));
  }

  join(roomId) {
    byId('room-browser').close();
    return this.act(() => api('POST', `/api/rooms/${encodeURIComponent(roomId)}/join`, {}));
  }

  openDirect(user) {
    return this.act(() => api('POST', '/api/direct', { usernames: [user.username] }), byId('dm-error'));
  }

  async invite(user) {
    try {
      await api('POST', `/api/rooms/${encodeURIComponent(this.chat.current)}/members`, { user: user.id });
      showError(byId('conversation-error'), null);
      this.loadMembers(this.chat.current);
      return true;
    } catch (e) {
      showError(byId('invite-error'), e);
      return false;
    }
  }

  async leaveCurrent() {
    const room = this.byId.get(this.chat.current);
    if (!room) return;
    const ok = await confirmAction(
      `Leave #${room.name}? ${room.kind === 'private' ? 'You will need an invitation to come back.' : 'You can join again from the room browser.'}`,
      'Leave room',
    );
    if (!ok) return;
    try {
      await api('POST', `/api/rooms/${encodeURIComponent(room.id)}/leave`, {});
      this.drop(room.id);
      this.refreshPublic();
    } catch (e) {
      showError(byId('conversation-error'), e);
    }
  }

  async confirmDelete(message) {
    if (await confirmAction('Delete this message for everyone? This cannot be undone.', 'Delete')) {
      this.chat.request('delete', { messageId: message.id }).catch(() => {});
    }
  }

  // ---- rendering ----

  presenceOf(userId) {
    return this.chat.presence.get(userId);
  }

  render() {
    const counts = renderRoomLists(byId('room-list'), byId('dm-list'), this.byId.values(), {
      current: this.chat.current,
      nameOf: (room) => this.nameOf(room),
      partnerOf: (room) => this.partnerOf(room),
      presenceOf: (id) => this.presenceOf(id),
      onOpen: (id) => this.chat.open(id),
    });
    byId('rooms-empty').hidden = counts.rooms > 0;
    byId('dms-empty').hidden = counts.directs > 0;
    updateTitle(this.unreadTotal());
    this.renderWelcome(counts.rooms + counts.directs === 0);
  }

  renderWelcome(noRooms) {
    const registrationOpen = this.chat.config.registration === 'open';
    byId('welcome-registration').hidden = !(noRooms && registrationOpen && this.publicRooms.length === 0);
    byId('welcome').hidden = this.chat.current !== null;
    byId('welcome-title').textContent = noRooms ? `Welcome, ${this.chat.me.displayName}!` : 'Pick a conversation';
    byId('welcome-text').textContent = noRooms
      ? "You're not in any room yet. Create one with “+” next to Rooms, browse the public rooms, or start a direct message with “+” next to Direct messages."
      : 'Choose a room or a direct message on the left.';
  }

  renderBrowser() {
    renderRoomBrowser(byId('browser-list'), this.publicRooms, byId('browser-search').value, {
      onJoin: (id) => this.join(id),
      onOpen: (id) => {
        byId('room-browser').close();
        this.chat.open(id);
      },
    });
  }

  renderConversation() {
    const room = this.byId.get(this.chat.current);
    byId('conversation').classList.toggle('no-room', !room);
    byId('people').hidden = !room;
    byId('room-title').textContent = room ? this.nameOf(room) : '';
    byId('room-icon').replaceChildren(
      !room ? '' : room.kind === 'private' ? el('span', { role: 'img', 'aria-label': 'private room', className: 'glyph lock' }) : room.kind === 'public' ? '#' : '',
    );
    byId('composer-form').hidden = !room;
    byId('room-menu-button').hidden = !room || room.kind === 'direct';
    byId('composer').placeholder = room ? `Message ${room.kind === 'direct' ? this.nameOf(room) : '#' + room.name}` : '';
    byId('invite-form').hidden = true;
    if (!room) byId('chat-view').classList.remove('show-conversation');
    this.renderWelcome(this.byId.size === 0);
    this.chat.typing.render();
    this.renderPresence();
  }

  /** Every place presence shows: member list, direct-message dots, the header of a direct message. */
  renderPresence() {
    const room = this.byId.get(this.chat.current);
    renderMembers(byId('member-list'), this.members.get(this.chat.current) || [], {
      nameOf: (id) => this.chat.nameOf(id),
      presenceOf: (id) => this.presenceOf(id),
      myId: this.chat.me.id,
    });
    const header = byId('room-presence');
    const partner = room && room.kind === 'direct' ? this.partnerOf(room) : null;
    if (partner) {
      const presence = this.presenceOf(partner.id);
      header.replaceChildren(presenceDot(presence?.status), el('span', { text: presenceText(presence) }));
    } else if (room) {
      const ids = this.members.get(room.id) || [];
      const online = ids.filter((id) => this.presenceOf(id)?.status && this.presenceOf(id).status !== 'offline').length;
      header.replaceChildren(ids.length ? el('span', { text: `${online} of ${ids.length} online` }) : '');
    } else {
      header.replaceChildren();
    }
    this.render();
  }
}
