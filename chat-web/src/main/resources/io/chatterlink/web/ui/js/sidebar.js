// The lists around the conversation: your rooms with unread counts, public rooms to join, and
// who in the open room is online.
import { el } from './dom.js';

export function renderRoomList(list, rooms, { current, nameOf, onOpen }) {
  const sorted = [...rooms].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  list.replaceChildren(
    ...sorted.map((room) =>
      el('li', {},
        el('button', {
            type: 'button', className: 'room', 'data-testid': 'room-item', 'data-room': room.id,
            'aria-current': room.id === current ? 'true' : 'false', onclick: () => onOpen(room.id),
          },
          el('span', { text: (room.kind === 'direct' ? '@ ' : '# ') + nameOf(room) }),
          room.unread > 0
            ? el('span', { className: 'unread', 'data-testid': 'room-unread', 'aria-label': `${room.unread} unread`, text: String(room.unread) })
            : null,
        ),
      ),
    ),
  );
}

export function renderPublicRooms(list, rooms, onJoin) {
  list.replaceChildren(
    ...rooms
      .filter((r) => !r.role)
      .map((r) =>
        el('li', { 'data-testid': 'public-room' },
          el('span', { className: 'grow', text: r.name }),
          el('button', { type: 'button', className: 'secondary', 'data-testid': 'join-room', 'aria-label': `Join ${r.name}`, text: 'Join', onclick: () => onJoin(r.id) }),
        ),
      ),
  );
}

export function renderOnline(list, memberIds, presence, nameOf) {
  const online = memberIds.filter((id) => ['online', 'away'].includes(presence.get(id)));
  list.replaceChildren(
    ...online.map((id) => el('li', { className: presence.get(id), 'data-testid': 'online-user', text: nameOf(id) })),
  );
}
