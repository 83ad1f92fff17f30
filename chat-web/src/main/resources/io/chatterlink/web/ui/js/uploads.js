// Files on their way into a message: picked, dropped or pasted; checked against the server's
// limits before a byte is sent; uploaded at once with progress and a cancel button; sent with the
// composer's text as caption when the message is sent.
import { upload } from './api.js';
import { el, showError } from './dom.js';
import { sizeLabel } from './format.js';
import { rememberAttachment } from './attachments.js';

export class Uploads {
  constructor({ tray, errorTarget, currentRoom, config }) {
    this.tray = tray;
    this.errorTarget = errorTarget;
    this.currentRoom = currentRoom;
    this.config = config;
    this.items = [];
  }

  get busy() {
    return this.items.length > 0;
  }

  /** Starts uploading files to the open room; refuses (with a reason) what the server would. */
  add(files) {
    const room = this.currentRoom();
    if (!room) return;
    const limits = this.config();
    for (const file of files) {
      if (limits.uploadTypes && !limits.uploadTypes.includes(file.type)) {
        showError(this.errorTarget, { human: true, message: `${file.name} can't be shared: only images (PNG, JPEG, GIF, WebP) and videos (MP4, WebM) can.` });
        continue;
      }
      if (limits.maxUploadBytes && file.size > limits.maxUploadBytes) {
        showError(this.errorTarget, { human: true, message: `${file.name} is ${sizeLabel(file.size)}; the limit is ${sizeLabel(limits.maxUploadBytes)}.` });
        continue;
      }
      if (this.items.length >= (limits.maxAttachmentsPerMessage || 10)) {
        showError(this.errorTarget, { human: true, message: `A message can carry at most ${limits.maxAttachmentsPerMessage || 10} attachments.` });
        break;
      }
      this.start(room, file);
    }
  }

  start(room, file) {
    const controller = new AbortController();
    const progress = el('progress', { max: 100, value: 0, 'data-testid': 'upload-progress', 'aria-label': `Uploading ${file.name}` });
    const item = { room, file, controller, progress, attachment: null };
    item.node = el('li', { className: 'upload-item', 'data-testid': 'upload-item' },
      el('span', { className: 'upload-name', text: file.name }),
      el('span', { className: 'muted', 'data-testid': 'upload-size', text: sizeLabel(file.size) }),
      progress,
      el('button', { type: 'button', className: 'icon', 'data-testid': 'upload-cancel', 'aria-label': `Remove ${file.name}`, text: '×', onclick: () => this.cancel(item) }));
    item.done = upload(room, file, (percent) => (progress.value = percent), controller.signal).then(
      (attachment) => {
        rememberAttachment(attachment);
        item.attachment = attachment;
        progress.value = 100;
        item.node.classList.add('uploaded');
        return attachment;
      },
      (e) => {
        this.remove(item);
        if (e.code !== 'cancelled') showError(this.errorTarget, e, this.config());
        return null;
      },
    );
    this.items.push(item);
    this.render();
  }

  cancel(item) {
    item.controller.abort();
    this.remove(item);
  }

  remove(item) {
    this.items = this.items.filter((i) => i !== item);
    this.render();
  }

  /** Drops every upload (switching rooms: an attachment belongs to the room it was sent to). */
  clear() {
    for (const item of this.items) item.controller.abort();
    this.items = [];
    this.render();
  }

  /** Waits for the uploads, empties the tray, and gives the attachments that made it. */
  async take() {
    const items = this.items;
    this.tray.classList.add('waiting');
    const attachments = (await Promise.all(items.map((i) => i.done))).filter(Boolean);
    this.tray.classList.remove('waiting');
    this.items = this.items.filter((i) => !items.includes(i));
    this.render();
    return attachments;
  }

  render() {
    this.tray.hidden = this.items.length === 0;
    this.tray.replaceChildren(...this.items.map((i) => i.node));
  }
}

/** Drag and drop onto the conversation, images pasted into the composer, and the file picker. */
export function wireFileSources({ dropTarget, dropHint, composer, input, accepts, add }) {
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  dropTarget.addEventListener('dragenter', (e) => {
    if (!hasFiles(e) || !accepts()) return;
    depth += 1;
    dropHint.hidden = false;
  });
  dropTarget.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropHint.hidden = true;
  });
  dropTarget.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
  });
  dropTarget.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    dropHint.hidden = true;
    if (accepts()) add([...e.dataTransfer.files]);
    composer.focus();
  });
  composer.addEventListener('paste', (e) => {
    const files = [...(e.clipboardData?.files || [])];
    if (files.length === 0) return;
    e.preventDefault();
    add(files);
  });
  input.addEventListener('change', () => {
    add([...input.files]);
    input.value = '';
    composer.focus();
  });
}
