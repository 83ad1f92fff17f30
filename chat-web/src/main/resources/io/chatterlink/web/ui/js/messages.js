// Renders a room's messages, keyed by message id so that only changed messages are rebuilt
// (playing videos and scroll position survive new messages arriving).
import { el } from './dom.js';

const attachmentInfo = new Map();

function info(id) {
  if (!attachmentInfo.has(id)) {
    attachmentInfo.set(
      id,
      fetch(`/api/attachments/${encodeURIComponent(id)}/info`, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error('unavailable'))))
        .then((body) => body.attachment),
    );
  }
  return attachmentInfo.get(id);
}

function attachmentNode(id) {
  const holder = el('div', { className: 'attachment' });
  info(id)
    .then((a) => {
      if (a.mediaType.startsWith('video/')) {
        holder.append(el('video', { src: a.url, controls: true, preload: 'metadata', 'data-testid': 'message-video', 'aria-label': a.name }));
      } else {
        const image = el('img', { src: a.thumbnailUrl || a.url, alt: a.name, loading: 'lazy', 'data-testid': 'message-image' });
        holder.append(el('a', { href: a.url, target: '_blank', rel: 'noopener' }, image));
      }
    })
    .catch(() => holder.append(el('span', { text: '(attachment unavailable)' })));
  return holder;
}

function timeLabel(iso) {
  const at = new Date(iso);
  return at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export class MessageList {
  constructor(list, { nameOf, isMine, onEdit, onDelete }) {
    this.list = list;
    this.nodes = new Map();
    this.callbacks = { nameOf, isMine, onEdit, onDelete };
  }

  clear() {
    this.nodes.clear();
    this.list.replaceChildren();
  }

  nearBottom() {
    return this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
  }

  /** Shows {@code messages} (oldest first); keeps the view pinned to the bottom if it was. */
  render(messages, { keepBottom = this.nearBottom() } = {}) {
    const previousHeight = this.list.scrollHeight;
    const previousTop = this.list.scrollTop;
    const firstBefore = this.list.firstElementChild;
    const wanted = new Set(messages.map((m) => m.id));
    for (const [id, entry] of this.nodes) {
      if (!wanted.has(id)) {
        entry.node.remove();
        this.nodes.delete(id);
      }
    }
    messages.forEach((m, index) => {
      const version = `${m.text}|${m.deleted}|${m.unreadable}|${m.editedAt}|${this.callbacks.nameOf(m.sender)}`;
      let entry = this.nodes.get(m.id);
      if (!entry || entry.version !== version) {
        const node = this.build(m);
        if (entry) entry.node.replaceWith(node);
        entry = { node, version };
        this.nodes.set(m.id, entry);
      }
      const at = this.list.children[index];
      if (at !== entry.node) this.list.insertBefore(entry.node, at || null);
    });
    if (keepBottom) {
      this.list.scrollTop = this.list.scrollHeight;
    } else if (firstBefore && this.list.firstElementChild !== firstBefore) {
      // Older messages were added above: keep what the reader was looking at in place.
      this.list.scrollTop = previousTop + (this.list.scrollHeight - previousHeight);
    }
  }

  build(m) {
    const mine = this.callbacks.isMine(m.sender);
    const classes = ['message'];
    if (mine) classes.push('mine');
    if (m.deleted) classes.push('deleted');
    if (m.unreadable) classes.push('unreadable');
    const text = m.deleted ? 'message deleted' : m.unreadable ? 'this message cannot be decrypted' : m.text;
    const actions =
      mine && !m.deleted
        ? el(
            'span',
            { className: 'actions' },
            el('button', { type: 'button', className: 'secondary', 'data-testid': 'edit-message', 'aria-label': 'Edit message', text: 'Edit', onclick: () => this.startEditing(m, node) }),
            el('button', { type: 'button', className: 'secondary', 'data-testid': 'delete-message', 'aria-label': 'Delete message', text: 'Delete', onclick: () => this.callbacks.onDelete(m) }),
          )
        : null;
    const node = el(
      'li',
      { className: classes.join(' '), 'data-testid': 'message', 'data-id': m.id, 'data-seq': m.seq },
      el(
        'div',
        { className: 'meta' },
        el('span', { className: 'author', 'data-testid': 'message-author', text: this.callbacks.nameOf(m.sender) }),
        el('time', { datetime: m.sentAt, text: timeLabel(m.sentAt) }),
        m.editedAt && !m.deleted ? el('span', { text: '(edited)' }) : null,
        actions,
      ),
      el('p', { className: 'text', 'data-testid': 'message-text', text }),
      ...(m.deleted ? [] : m.attachments.map(attachmentNode)),
    );
    return node;
  }

  startEditing(m, node) {
    const textNode = node.querySelector('.text');
    const input = el('textarea', { 'data-testid': 'edit-input', 'aria-label': 'Edit message text', maxlength: 4000 });
    input.value = m.text;
    const save = () => {
      const text = input.value.trim();
      if (text && text !== m.text) this.callbacks.onEdit(m, text);
      form.replaceWith(textNode);
    };
    const form = el(
      'div',
      { className: 'edit' },
      input,
      el('button', { type: 'button', 'data-testid': 'edit-save', text: 'Save', onclick: save }),
      el('button', { type: 'button', className: 'secondary', text: 'Cancel', onclick: () => form.replaceWith(textNode) }),
    );
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        save();
      } else if (e.key === 'Escape') {
        form.replaceWith(textNode);
      }
    });
    textNode.replaceWith(form);
    input.focus();
  }
}
