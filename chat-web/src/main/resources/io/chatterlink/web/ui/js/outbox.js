// Messages on their way: shown at once as "pending", then replaced by the real message when the
// ack or the push arrives, or marked "failed" with a retry. A send keeps its clientMessageId for
// life, so resending after a reconnect or a retry can never store it twice (protocol 4.4).

/** A send without an ack for this long is shown as failed (it still goes out on reconnect). */
const FAIL_AFTER_MS = 10000;
/** Refusals that say "not now" rather than "never": rate limited, server busy or stopping. */
const RETRY_LATER = new Set([429, 503]);
const RETRY_LATER_MS = 1000;

let counter = 0;

export function newClientMessageId() {
  counter += 1;
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `c-${Date.now().toString(36)}-${counter}-${random[0].toString(36)}${random[1].toString(36)}`;
}

export class Outbox {
  constructor({ request, onChange, onRefused }) {
    this.request = request;
    this.onChange = onChange;
    this.onRefused = onRefused;
    this.sends = new Map();
  }

  /** Queues a message and tries to send it; returns its clientMessageId. */
  add(room, text, attachments = [], preview = []) {
    const clientMessageId = newClientMessageId();
    this.sends.set(clientMessageId, {
      clientMessageId, room, text, attachments, preview, state: 'pending', queuedAt: new Date().toISOString(),
    });
    this.onChange(room);
    this.transmit(clientMessageId);
    return clientMessageId;
  }

  /** The unacknowledged sends of a room, oldest first. */
  inRoom(room) {
    return [...this.sends.values()].filter((s) => s.room === room);
  }

  /** The server stored it (ack or the message push, whichever comes first). */
  delivered(clientMessageId) {
    const send = this.sends.get(clientMessageId);
    if (!send) return;
    clearTimeout(send.timer);
    this.sends.delete(clientMessageId);
    this.onChange(send.room);
  }

  /** Sends everything not yet acknowledged again, with the same ids (after a reconnect). */
  resendAll() {
    for (const id of [...this.sends.keys()]) this.retry(id);
  }

  retry(clientMessageId) {
    const send = this.sends.get(clientMessageId);
    if (!send) return;
    send.state = 'pending';
    this.onChange(send.room);
    this.transmit(clientMessageId);
  }

  discard(clientMessageId) {
    const send = this.sends.get(clientMessageId);
    if (!send) return;
    clearTimeout(send.timer);
    this.sends.delete(clientMessageId);
    this.onChange(send.room);
  }

  dropRoom(room) {
    for (const send of this.inRoom(room)) this.discard(send.clientMessageId);
  }

  transmit(clientMessageId) {
    const send = this.sends.get(clientMessageId);
    clearTimeout(send.timer);
    send.timer = setTimeout(() => this.failed(clientMessageId), FAIL_AFTER_MS);
    this.request('send', {
      room: send.room, clientMessageId, text: send.text, attachments: send.attachments, replyTo: null,
    }).then(
      () => this.delivered(clientMessageId),
      (e) => {
        if (RETRY_LATER.has(e.code)) {
          setTimeout(() => this.sends.has(clientMessageId) && this.transmit(clientMessageId), RETRY_LATER_MS);
          return;
        }
        // A lost connection leaves it pending: it goes out again after the reconnect. A refusal
        // (too long, no longer a member...) will not change by resending: it fails at once.
        if (e.code) {
          this.failed(clientMessageId);
          this.onRefused(send.room, e);
        }
      },
    );
  }

  failed(clientMessageId) {
    const send = this.sends.get(clientMessageId);
    if (!send || send.state === 'failed') return;
    clearTimeout(send.timer);
    send.state = 'failed';
    this.onChange(send.room);
  }
}
