// The WebSocket client of docs/protocol.md: requests with ids and replies, pushes, and prompt
// reconnection. 4401 means the session ended: no reconnect.

/** Delays before the first reconnect attempts, so a restarted server is found within seconds. */
const FIRST_DELAYS_MS = [200, 500, 1000, 2000];
/** The cap of the jittered backoff while the tab is visible, and while it is hidden. */
const VISIBLE_CAP_MS = 4000;
const HIDDEN_CAP_MS = 30000;
/** A socket that neither opens nor fails within this long is given up and retried. */
const CONNECT_TIMEOUT_MS = 5000;

/** The delay before reconnect attempt {@code attempt} (0-based), with ±25 % jitter. */
export function reconnectDelay(attempt, hidden = false, random = Math.random) {
  const cap = hidden ? HIDDEN_CAP_MS : VISIBLE_CAP_MS;
  const base = attempt < FIRST_DELAYS_MS.length ? FIRST_DELAYS_MS[attempt] : Math.min(cap, 1000 * 2 ** (attempt - 2));
  return Math.round(Math.min(cap, base) * (0.75 + random() / 2));
}

export class Connection {
  constructor({ onHello, onPush, onState, onSessionEnded, sessionIsValid }) {
    this.handlers = { onHello, onPush, onState, onSessionEnded, sessionIsValid };
    this.nextId = 1;
    this.waiting = new Map();
    this.attempt = 0;
    this.stopped = false;
    this.socket = null;
    this.timer = null;
    this.state = 'connecting';
    this.wake = () => {
      if (!document.hidden) this.retryNow();
    };
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.wake);
    document.addEventListener('visibilitychange', this.wake);
    this.open();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.wake);
    document.removeEventListener('visibilitychange', this.wake);
    if (this.socket) this.socket.close(1000);
  }

  get isOpen() {
    return this.state === 'open';
  }

  /** Reconnects at once if a reconnect is waiting ("Retry now", the tab came back, network back). */
  retryNow() {
    if (this.stopped || this.state !== 'reconnecting' || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.open();
  }

  /** Sends a request; resolves with the reply's data, rejects with {code, error, message}. */
  request(type, fields = {}) {
    return new Promise((resolve, reject) => {
      if (!this.socket || this.socket.readyState !== WebSocket.OPEN || !this.greeted) {
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
    const giveUp = setTimeout(() => {
      if (socket.readyState === WebSocket.CONNECTING) socket.close();
    }, CONNECT_TIMEOUT_MS);
    socket.addEventListener('message', (e) => this.receive(e.data));
    socket.addEventListener('close', (e) => {
      clearTimeout(giveUp);
      this.closed(socket, e.code);
    });
  }

  setState(state) {
    this.state = state;
    this.handlers.onState(state);
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
      this.setState('open');
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
    this.greeted = false;
    for (const pending of this.waiting.values()) {
      pending.reject({ code: 0, error: 'unavailable', message: 'connection lost' });
    }
    this.waiting.clear();
    if (this.stopped) return;
    if (code === 4401) {
      this.handlers.onSessionEnded();
      return;
    }
    this.setState('reconnecting');
    // A refused upgrade looks like any other close to a browser: ask the API whether we are
    // still signed in before trying again (a server that is down answers nothing: keep trying).
    if (!greeted && !(await this.handlers.sessionIsValid())) {
      this.handlers.onSessionEnded();
      return;
    }
    if (this.stopped) return;
    const delay = reconnectDelay(this.attempt, document.hidden);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.open();
    }, delay);
  }
}
