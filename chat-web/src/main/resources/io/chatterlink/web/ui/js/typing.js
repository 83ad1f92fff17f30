// Typing: our own signals (repeated while we type, stopped on send, blur or an empty box) and
// other people's, shown as "alice is typing…".

/** How often a "still typing" signal is repeated; the protocol asks for at least every 5 s. */
const REPEAT_MS = 3000;

export class Typing {
  constructor({ request, currentRoom, myId, nameOf, output }) {
    this.request = request;
    this.currentRoom = currentRoom;
    this.myId = myId;
    this.nameOf = nameOf;
    this.output = output;
    this.others = new Map();
    this.sentAt = 0;
    this.expiryMs = 6000;
  }

  /** Someone started or stopped typing in a room (a push, or their message arrived). */
  changed(roomId, userId, typing) {
    if (userId === this.myId()) return;
    if (!this.others.has(roomId)) this.others.set(roomId, new Map());
    const inRoom = this.others.get(roomId);
    clearTimeout(inRoom.get(userId));
    if (typing) {
      // The server ends typing itself; this timer only covers a stop lost to a reconnect.
      inRoom.set(userId, setTimeout(() => this.changed(roomId, userId, false), this.expiryMs + 2000));
    } else {
      inRoom.delete(userId);
    }
    if (roomId === this.currentRoom()) this.render();
  }

  /** The composer's text changed. */
  composing(text) {
    if (!this.currentRoom()) return;
    const now = Date.now();
    if (text.trim() && now - this.sentAt > REPEAT_MS) {
      this.sentAt = now;
      this.request('typing', { room: this.currentRoom(), typing: true }).catch(() => {});
    } else if (!text.trim()) {
      this.stop();
    }
  }

  stop() {
    if (!this.sentAt || !this.currentRoom()) return;
    this.sentAt = 0;
    this.request('typing', { room: this.currentRoom(), typing: false }).catch(() => {});
  }

  render() {
    const inRoom = this.others.get(this.currentRoom());
    const names = inRoom ? [...inRoom.keys()].map((id) => this.nameOf(id)) : [];
    this.output.textContent =
      names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.join(' and ')} are typing…`;
  }
}
