// Attachments inside messages: the metadata is fetched once per id; images get their size
// reserved before they load (the server sends the thumbnail's width and height), so the timeline
// does not jump, and open in a lightbox instead of a new tab.
import { el } from './dom.js';
import { sizeLabel } from './format.js';

const requested = new Map();
const known = new Map();

function info(id) {
  if (!requested.has(id)) {
    requested.set(
      id,
      fetch(`/api/attachments/${encodeURIComponent(id)}/info`, { credentials: 'same-origin' })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error('unavailable'))))
        .then((body) => {
          known.set(id, body.attachment);
          return body.attachment;
        }),
    );
    requested.get(id).catch(() => requested.delete(id));
  }
  return requested.get(id);
}

/** Remembers an attachment we just uploaded, so our own message renders without a fetch. */
export function rememberAttachment(attachment) {
  known.set(attachment.id, attachment);
  requested.set(attachment.id, Promise.resolve(attachment));
}

function media(a, openLightbox) {
  if (a.mediaType.startsWith('video/')) {
    return el('video', { src: a.url, controls: true, preload: 'metadata', 'data-testid': 'message-video', 'aria-label': a.name });
  }
  const image = el('img', {
    src: a.thumbnailUrl || a.url, alt: a.name, loading: 'lazy', 'data-testid': 'message-image',
    width: a.thumbnailWidth || null, height: a.thumbnailHeight || null,
  });
  return el('button', {
    type: 'button', className: 'image-button', 'aria-label': `Open ${a.name} (${sizeLabel(a.size)})`,
    'data-testid': 'open-image', onclick: () => openLightbox(a),
  }, image);
}

/** The attachment's node; its box has a size at once, the media fills it when known. */
export function attachmentNode(id, openLightbox) {
  const holder = el('div', { className: 'attachment', 'data-testid': 'attachment' });
  const ready = known.get(id);
  if (ready) {
    holder.append(media(ready, openLightbox));
    return holder;
  }
  holder.classList.add('loading');
  info(id)
    .then((a) => holder.append(media(a, openLightbox)))
    .catch(() => holder.append(el('span', { className: 'muted', text: 'This attachment is not available.' })))
    .finally(() => holder.classList.remove('loading'));
  return holder;
}

/** The lightbox: the full image in a modal dialog; Escape, a click outside or × closes it. */
export function openLightbox(a) {
  const dialog = document.getElementById('lightbox');
  const image = document.getElementById('lightbox-image');
  image.src = a.url;
  image.alt = a.name;
  document.getElementById('lightbox-caption').textContent = `${a.name} · ${sizeLabel(a.size)}`;
  const download = document.getElementById('lightbox-open');
  download.href = a.url;
  dialog.showModal();
}
