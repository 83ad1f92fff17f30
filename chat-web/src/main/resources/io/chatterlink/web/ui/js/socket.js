// The WebSocket client of docs/protocol.md: requests with ids and replies, pushes, and reconnection
// with exponential backoff and jitter (section 9). 4401 means the session ended: no reconnect.

export class Connection {
  constructor({ onHello, onPush, onState, onSessionEnded, sessionIsValid }) {
    this.handlers = { onHello, onPush, onState, onSessionEnded, sessionIsValid };
    this.nextId = 1;
    this.waiting = new Map();
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
  }

  start() {
    this.stopped = false;
    this.open();
  }

  stop() {
    this.stopped = true;
    if (this.socket) this.socket.close(1000);
  }

  /** Sends a request; resolves with the reply's data, rejects with {code, error, message}. */
  request(type, fields = {}) {
    return new Promise((resolve, reject) => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN) {
        reject({ code: 0, error: 'unavailable', message: 'not connected' });
        return;
      }
      const id = String(this.nextId++);
      this.waiting.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, type, ...fields }));
    });
  }

  open() {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/ws`);
    this.socket = socket;
    this.greeted = false;
    socket.addEventListener('message', (e) => this.receive(e.data));
    socket.addEventListener('close', (e) => this.closed(socket, e.code));
  }

  receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.type === 'hello') {
      this.attempt = 0;
      this.greeted = true;
      this.handlers.onState('open');
      this.handlers.onHello(frame);
    } else if (frame.type === 'reply') {
      const pending = this.waiting.get(frame.id);
      if (!pending) return;
      this.waiting.delete(frame.id);
      if (frame.code === 200) pending.resolve(frame.data);
      else pending.reject(frame);
    } else {
      this.handlers.onPush(frame);
    }
  }

  async closed(socket, code) {
    if (socket !== this.socket) return;
    const greeted = this.greeted;
    for (const pending of this.waiting.values()) {
      pending.reject({ code: 0, error: 'unavailable', message: 'connection lost' });
    }
    this.waiting.clear();
    if (this.stopped) return;
    if (code === 4401) {
      this.handlers.onSessionEnded();
      return;
    }
    // A refused upgrade looks like any other close to a browser: ask the API whether we are
    // still signed in before trying again.
    if (!greeted && !(await this.handlers.sessionIsValid())) {
      this.handlers.onSessionEnded();
      return;
    }
    this.handlers.onState('reconnecting');
    const base = Math.min(30000, 1000 * 2 ** this.attempt);
    const delay = base * (0.5 + Math.random());
    this.attempt += 1;
    setTimeout(() => {
      if (!this.stopped) this.open();
    }, delay);
  }
}
