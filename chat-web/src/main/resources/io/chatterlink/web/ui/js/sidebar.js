// The lists around the conversation: rooms and direct messages (with unread counts, a lock for
// private rooms, presence for direct messages), the open room's members with presence and "last
// seen", and the browser of public rooms.
import { el } from './dom.js';
import { avatar, relativeTime } from './format.js';

const STATUS_LABEL = { online: 'online', away: 'away', offline: 'offline' };

export function presenceDot(status, extraClass = '') {
  const s = STATUS_LABEL[status] ? status : 'offline';
  return el('span', { className: `dot ${s} ${extraClass}`.trim(), 'data-testid': 'presence-dot', 'data-status': s, role: 'img', 'aria-label': STATUS_LABEL[s] });
}

/** "online", "away", "last seen 5 minutes ago" or "offline". */
export function presenceText(presence) {
  if (!presence) return 'offline';
  if (presence.status !== 'offline') return presence.status;
  return presence.lastSeen ? `last seen ${relativeTime(presence.lastSeen)}` : 'offline';
}

function roomButton(room, { current, label, leading, onOpen }) {
  return el('li', {},
    el('button', {
        type: 'button', className: 'room', 'data-testid': 'room-item', 'data-room': room.id, 'data-kind': room.kind,
        'aria-current': room.id === current ? 'true' : 'false', onclick: () => onOpen(room.id),
      },
      leading,
      el('span', { className: 'room-name', text: label }),
      room.unread > 0
        ? el('span', { className: 'unread', 'data-testid': 'room-unread', 'aria-label': `${room.unread} unread`, text: String(room.unread) })
        : null,
    ),
  );
}

/** Rooms (with # or a lock) and direct messages (with the other person's presence), each sorted. */
export function renderRoomLists(roomList, dmList, rooms, { current, nameOf, partnerOf, presenceOf, onOpen }) {
  const byName = (a, b) => nameOf(a).localeCompare(nameOf(b));
  const all = [...rooms];
  roomList.replaceChildren(
    ...all.filter((r) => r.kind !== 'direct').sort(byName).map((room) =>
      roomButton(room, {
        current, label: nameOf(room), onOpen,
        leading: room.kind === 'private'
          ? el('span', { className: 'room-icon', 'data-testid': 'private-room-icon', role: 'img', 'aria-label': 'private' }, el('span', { className: 'glyph lock' }))
          : el('span', { className: 'room-icon', 'aria-hidden': 'true', text: '#' }),
      })),
  );
  dmList.replaceChildren(
    ...all.filter((r) => r.kind === 'direct').sort(byName).map((room) => {
      const partner = partnerOf(room);
      return roomButton(room, {
        current, label: nameOf(room), onOpen,
        leading: partner ? presenceDot(presenceOf(partner.id)?.status) : el('span', { className: 'room-icon', text: '@' }),
      });
    }),
  );
  return { rooms: roomList.children.length, directs: dmList.children.length };
}

/** The open room's members: online first, then away, then offline with "last seen". */
export function renderMembers(list, memberIds, { nameOf, presenceOf, myId }) {
  const rank = { online: 0, away: 1, offline: 2 };
  const sorted = [...memberIds].sort((a, b) => {
    const ra = rank[presenceOf(a)?.status] ?? 2;
    const rb = rank[presenceOf(b)?.status] ?? 2;
    return ra - rb || nameOf(a).localeCompare(nameOf(b));
  });
  list.replaceChildren(
    ...sorted.map((id) => {
      const presence = presenceOf(id);
      const status = presence?.status || 'offline';
      return el('li', { className: `member ${status}`, 'data-testid': status === 'offline' ? 'member' : 'online-user', 'data-status': status },
        el('span', { className: 'avatar-with-dot' }, avatar(id, nameOf(id), 'small'), presenceDot(status, 'on-avatar')),
        el('span', { className: 'member-text' },
          el('span', { className: 'member-name', text: nameOf(id) + (id === myId ? ' (you)' : '') }),
          el('span', { className: 'muted small-text', 'data-testid': 'member-status', text: presenceText(presence) })),
      );
    }),
  );
}

/** The room browser: public rooms matching the search, with member counts and Join or Open. */
export function renderRoomBrowser(list, rooms, filter, { onJoin, onOpen }) {
  const needle = filter.trim().toLowerCase();
  const matching = rooms.filter((r) => !needle || r.name.toLowerCase().includes(needle));
  if (matching.length === 0) {
    list.replaceChildren(el('li', { className: 'empty-state', text: rooms.length === 0
      ? 'There are no public rooms yet. Create the first one with "+" next to Rooms.'
      : 'No public room matches your search.' }));
    return;
  }
  list.replaceChildren(
    ...matching.map((r) =>
      el('li', { className: 'browser-room', 'data-testid': 'public-room' },
        el('span', { className: 'grow' },
          el('span', { className: 'room-name', text: `# ${r.name}` }),
          el('span', { className: 'muted small-text', 'data-testid': 'public-room-members', text: `${r.memberCount} ${r.memberCount === 1 ? 'member' : 'members'}` })),
        r.role
          ? el('button', { type: 'button', className: 'secondary', 'aria-label': `Open ${r.name}`, text: 'Open', onclick: () => onOpen(r.id) })
          : el('button', { type: 'button', 'data-testid': 'join-room', 'aria-label': `Join ${r.name}`, text: 'Join', onclick: () => onJoin(r.id) }),
      ),
    ),
  );
}
