// The open room's timeline: day separators, messages grouped by author, pending and failed sends,
// and a scroll position that stays pinned to the newest message while the reader is at the bottom
// (also when images above finish loading), with a "new messages" button otherwise. Rows are keyed,
// so only changed ones are rebuilt (playing videos and the scroll position survive).
import { el } from './dom.js';
import { avatar, dayKey, dayLabel, fullTimestamp, linkify, timeLabel } from './format.js';
import { attachmentNode, openLightbox } from './attachments.js';

/** Consecutive messages of one author within this long share one header. */
const GROUP_MS = 5 * 60 * 1000;
/** How close to the bottom (px) still counts as "at the bottom". */
const PINNED_SLACK_PX = 60;

export class Timeline {
  constructor(list, newMessagesButton, callbacks) {
    this.list = list;
    this.newMessagesButton = newMessagesButton;
    this.callbacks = callbacks; // nameOf, myId, myUsername, onEdit, onDelete, onRetry, onDiscard, onScrollTop
    this.rows = new Map();
    this.pinned = true;
    this.lastTop = 0;
    this.resizes = new ResizeObserver(() => this.keepPinned());
    list.addEventListener('scroll', () => this.scrolled());
    newMessagesButton.addEventListener('click', () => this.scrollToBottom());
    document.addEventListener('click', (e) => {
      if (!e.target.closest('.message-menu, .menu-button')) this.closeMenus();
    });
  }

  clear() {
    this.rows.clear();
    this.resizes.disconnect();
    this.list.replaceChildren();
    this.pinned = true;
    this.lastTop = 0;
    this.newMessagesButton.hidden = true;
  }

  /**
   * Only the reader moving up unpins the view. Scroll events arrive a frame late, so by then an
   * image may have made the content taller: "far from the bottom" alone does not mean the reader
   * left it.
   */
  scrolled() {
    const top = this.list.scrollTop;
    const atBottom = this.list.scrollHeight - top - this.list.clientHeight < PINNED_SLACK_PX;
    if (atBottom) this.pinned = true;
    else if (top < this.lastTop - 2) this.pinned = false;
    this.lastTop = top;
    if (this.pinned) this.newMessagesButton.hidden = true;
    if (this.list.scrollTop < 80) this.callbacks.onScrollTop();
  }

  keepPinned() {
    if (this.pinned) this.toEnd();
  }

  scrollToBottom() {
    this.pinned = true;
    this.newMessagesButton.hidden = true;
    this.toEnd();
  }

  toEnd() {
    this.list.scrollTop = this.list.scrollHeight;
    this.lastTop = this.list.scrollTop;
  }

  /**
   * Shows the messages (oldest first) and the unsent ones after them. {@code toBottom} jumps to
   * the newest (opening a room); otherwise the view follows only if the reader was at the bottom.
   */
  render(messages, unsent, { toBottom = false, complete = true, arrivedFromOthers = false } = {}) {
    const previousHeight = this.list.scrollHeight;
    const previousTop = this.list.scrollTop;
    const firstBefore = this.list.firstElementChild;
    const rows = this.layout(messages, unsent, complete);
    const wanted = new Set(rows.map((r) => r.key));
    for (const [key, row] of this.rows) {
      if (!wanted.has(key)) {
        this.resizes.unobserve(row.node);
        row.node.remove();
        this.rows.delete(key);
      }
    }
    rows.forEach((r, index) => {
      let row = this.rows.get(r.key);
      if (!row || row.version !== r.version) {
        const node = r.build();
        if (row) {
          this.resizes.unobserve(row.node);
          row.node.replaceWith(node);
        }
        row = { node, version: r.version };
        this.rows.set(r.key, row);
        this.resizes.observe(node);
      }
      const at = this.list.children[index];
      if (at !== row.node) this.list.insertBefore(row.node, at || null);
    });
    if (toBottom) {
      this.scrollToBottom();
    } else if (this.pinned) {
      this.toEnd();
    } else if (firstBefore && this.list.firstElementChild !== firstBefore && previousTop < 200) {
      // Older messages were added above: keep what the reader was looking at in place.
      this.list.scrollTop = previousTop + (this.list.scrollHeight - previousHeight);
      this.lastTop = this.list.scrollTop;
    } else if (arrivedFromOthers) {
      this.newMessagesButton.hidden = false;
    }
  }

  layout(messages, unsent, complete) {
    const rows = [];
    let previous = null;
    const add = (item) => {
      const day = dayKey(item.at);
      if (!previous || dayKey(previous.at) !== day) {
        const label = dayLabel(item.at);
        rows.push({ key: `day:${day}`, version: label, build: () => daySeparator(label) });
        previous = null;
      }
      const continued =
        previous !== null && previous.sender === item.sender && !previous.deleted &&
        new Date(item.at) - new Date(previous.at) < GROUP_MS;
      rows.push(item.row(continued));
      previous = item;
    };
    for (const m of messages) {
      add({
        at: m.sentAt, sender: m.sender, deleted: m.deleted,
        row: (continued) => ({
          key: `m:${m.id}`,
          version: [m.text, m.deleted, m.unreadable, m.editedAt, continued, this.callbacks.nameOf(m.sender)].join('|'),
          build: () => this.messageNode(m, continued),
        }),
      });
    }
    for (const s of unsent) {
      add({
        at: s.queuedAt, sender: this.callbacks.myId(), deleted: false,
        row: (continued) => ({
          key: `p:${s.clientMessageId}`,
          version: [s.state, continued].join('|'),
          build: () => this.unsentNode(s, continued),
        }),
      });
    }
    if (complete && messages.length === 0 && unsent.length === 0) {
      rows.push({ key: 'empty', version: '', build: emptyRoom });
    }
    return rows;
  }

  messageNode(m, continued) {
    const mine = m.sender === this.callbacks.myId();
    const name = this.callbacks.nameOf(m.sender);
    const text = m.deleted ? 'This message was deleted.' : m.unreadable ? 'This message cannot be decrypted.' : m.text;
    const classes = ['message'];
    if (continued) classes.push('continued');
    if (mine) classes.push('mine');
    if (m.deleted) classes.push('deleted');
    if (m.unreadable) classes.push('unreadable');
    if (!mine && !m.deleted && mentions(text, this.callbacks.myUsername())) classes.push('mention');
    const node = el('li', {
      className: classes.join(' '), 'data-testid': 'message', 'data-id': m.id, 'data-seq': m.seq, 'data-state': 'sent',
    });
    const menuItems = [el('p', { className: 'menu-note', text: fullTimestamp(m.sentAt) })];
    if (mine && !m.deleted) {
      menuItems.push(
        el('button', { type: 'button', role: 'menuitem', 'data-testid': 'edit-message', text: 'Edit', onclick: () => this.startEditing(m, node) }),
        el('button', { type: 'button', role: 'menuitem', className: 'danger', 'data-testid': 'delete-message', text: 'Delete…', onclick: () => {
          this.closeMenus();
          this.callbacks.onDelete(m);
        } }),
      );
    }
    node.append(
      continued ? el('time', { className: 'gutter-time', datetime: m.sentAt, title: fullTimestamp(m.sentAt), text: timeLabel(m.sentAt) }) : avatar(m.sender, name),
      el('div', { className: 'body' },
        continued ? null : el('div', { className: 'meta' },
          el('span', { className: 'author', 'data-testid': 'message-author', text: name }),
          el('time', { datetime: m.sentAt, title: fullTimestamp(m.sentAt), 'data-testid': 'message-time', text: timeLabel(m.sentAt) }),
        ),
        text || m.deleted ? el('p', { className: 'text', 'data-testid': 'message-text' }, ...(m.deleted || m.unreadable ? [text] : linkify(text)),
          m.editedAt && !m.deleted ? el('span', { className: 'edited', text: ' (edited)' }) : null) : null,
        ...(m.deleted ? [] : m.attachments.map((id) => attachmentNode(id, openLightbox))),
      ),
      this.menu(node, menuItems),
    );
    node.addEventListener('contextmenu', (e) => {
      // A long press on a touch screen: the same menu as the "⋯" button.
      if (e.target.closest('a, img, video, textarea')) return;
      e.preventDefault();
      this.openMenu(node);
    });
    return node;
  }

  unsentNode(s, continued) {
    const name = this.callbacks.nameOf(this.callbacks.myId());
    const failed = s.state === 'failed';
    const status = failed
      ? el('p', { className: 'send-status failed', role: 'status' },
          el('span', { text: 'Not sent. ' }),
          el('button', { type: 'button', className: 'link', 'data-testid': 'retry-send', text: 'Retry', onclick: () => this.callbacks.onRetry(s.clientMessageId) }),
          el('button', { type: 'button', className: 'link', 'data-testid': 'discard-send', text: 'Discard', onclick: () => this.callbacks.onDiscard(s.clientMessageId) }))
      : el('p', { className: 'send-status', text: 'Sending…' });
    return el('li', {
        className: `message mine unsent ${failed ? 'failed' : 'pending'}${continued ? ' continued' : ''}`,
        'data-testid': 'message', 'data-state': s.state, 'data-client-id': s.clientMessageId,
      },
      continued ? el('span', { className: 'gutter-time' }) : avatar(this.callbacks.myId(), name),
      el('div', { className: 'body' },
        continued ? null : el('div', { className: 'meta' }, el('span', { className: 'author', 'data-testid': 'message-author', text: name })),
        s.text ? el('p', { className: 'text', 'data-testid': 'message-text' }, ...linkify(s.text)) : null,
        ...s.preview.map((label) => el('p', { className: 'muted', text: label })),
        status,
      ),
    );
  }

  menu(node, items) {
    const popup = el('div', { className: 'message-menu', role: 'menu', tabindex: '-1', hidden: true }, ...items);
    popup.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        this.closeMenus();
        node.querySelector('.menu-button').focus();
      }
    });
    const button = el('button', {
      type: 'button', className: 'menu-button', 'aria-label': 'Message actions', 'aria-haspopup': 'menu',
      'aria-expanded': 'false', 'data-testid': 'message-actions', text: '⋯',
      onclick: () => (popup.hidden ? this.openMenu(node) : this.closeMenus()),
    });
    return el('div', { className: 'menu-anchor' }, button, popup);
  }

  openMenu(node) {
    this.closeMenus();
    const popup = node.querySelector('.message-menu');
    popup.hidden = false;
    node.querySelector('.menu-button').setAttribute('aria-expanded', 'true');
    node.classList.add('menu-open');
    (popup.querySelector('button') || popup).focus();
  }

  closeMenus() {
    for (const open of this.list.querySelectorAll('.menu-open')) {
      open.classList.remove('menu-open');
      open.querySelector('.message-menu').hidden = true;
      open.querySelector('.menu-button').setAttribute('aria-expanded', 'false');
    }
  }

  startEditing(m, node) {
    this.closeMenus();
    const textNode = node.querySelector('.text');
    const input = el('textarea', { 'data-testid': 'edit-input', 'aria-label': 'Edit message text', maxlength: 4000, rows: 2 });
    input.value = m.text;
    const cancel = () => {
      form.replaceWith(textNode || el('span'));
      node.querySelector('.menu-button').focus();
    };
    const save = () => {
      const text = input.value.trim();
      if (text && text !== m.text) this.callbacks.onEdit(m, text);
      cancel();
    };
    const form = el('div', { className: 'edit' },
      input,
      el('div', { className: 'row' },
        el('button', { type: 'button', 'data-testid': 'edit-save', text: 'Save', onclick: save }),
        el('button', { type: 'button', className: 'secondary', text: 'Cancel', onclick: cancel }),
        el('span', { className: 'muted', text: 'Enter saves, Escape cancels' })));
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        save();
      } else if (e.key === 'Escape') {
        cancel();
      }
    });
    if (textNode) textNode.replaceWith(form);
    else node.querySelector('.body').append(form);
    input.focus();
  }
}

function mentions(text, username) {
  if (!username) return false;
  const escaped = username.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w])@?${escaped}\\b`, 'i').test(text);
}

export { mentions };

function daySeparator(label) {
  return el('li', { className: 'day-separator', role: 'separator', 'data-testid': 'day-separator' }, el('span', { text: label }));
}

function emptyRoom() {
  return el('li', { className: 'empty-state', 'data-testid': 'empty-room' },
    el('p', { className: 'empty-title', text: 'No messages yet' }),
    el('p', { text: 'Say hello! Enter sends, Shift+Enter starts a new line. Drop or paste an image to share it.' }));
}
