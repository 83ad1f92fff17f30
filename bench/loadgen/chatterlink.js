'use strict';
// ChatterLink protocol adapter (chatterlink.v1, docs/protocol.md) for the shared Node load
// generator (../shared/peers/loadgen/loadgen.js). bench/run.sh copies this file into a private
// copy of loadgen's adapters/ folder, so `--adapter chatterlink` finds it and `ws` resolves from
// that copy's node_modules.
//
// What it does, exactly as a browser client would:
//   setup:   for each of U accounts: GET /api/config (receives the chatterlink_csrf cookie),
//            POST /api/register {username, password} with the cookie echoed in X-CSRF-Token
//            (receives the HttpOnly chatterlink_session cookie). Account 0 creates the public
//            rooms (POST /api/rooms); every other account joins the rooms its clients use
//            (POST /api/rooms/{id}/join).
//   connect: WebSocket to /ws with `Cookie: chatterlink_session=...`; resolved on `hello`.
//   join:    `subscribe` with afterSeq = the room's lastSeq from hello (live messages only);
//            resolved on the reply. With CL_HISTORY=n (join storm) it then asks for the latest n
//            messages (`history`) and resolves when that page arrives.
//   send:    `send` with a per-connection request id and a clientMessageId unique per process,
//            connection and message. The text is loadgen's, unchanged.
//   receive: every `message` push hands `message.text` to loadgen (the sender is subscribed too,
//            so it receives its own message; loadgen's closed loop is driven by that echo).
// Non-200 replies count as loadgen `server_error`s (with the code and error in the samples); a
// message push whose seq is not the previous one + 1 counts as a `seq_gap` error.
//
// Env knobs (loadgen's option parser is fixed, so adapter options travel by environment):
//   CL_PASSWORD        password of the generated accounts (default: a fixed 20-character one)
//   CL_HISTORY         messages of history to load after subscribing (default 0)
//   CL_SETUP_PARALLEL  concurrent register/join HTTP calls during setup (default 4: the server
//                      hashes passwords with Argon2 and runs at most 4 hashes at once)
//   CL_PRELOAD         messages account 0 posts into every room during setup, before any client
//                      connects (default 0), so that a join storm has history to load
const WebSocket = require('ws');

const name = 'chatterlink';
const SESSION = 'chatterlink_session';
const CSRF = 'chatterlink_csrf';

function cookieValue(res, cookieName) {
  const all = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : [];
  for (const line of all) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    if (pair.slice(0, eq).trim() === cookieName) return pair.slice(eq + 1).trim();
  }
  return null;
}

async function api(base, account, method, path, body) {
  const headers = { 'X-CSRF-Token': account.csrf, Cookie: account.cookies() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const session = cookieValue(res, SESSION);
  if (session) account.session = session;
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : {};
}

async function newAccount(base, username, password) {
  const res = await fetch(`${base}/api/config`);
  await res.text();
  const account = {
    username,
    csrf: cookieValue(res, CSRF),
    session: null,
    cookies() {
      return `${CSRF}=${this.csrf}` + (this.session ? `; ${SESSION}=${this.session}` : '');
    },
  };
  if (!account.csrf) throw new Error('GET /api/config set no chatterlink_csrf cookie');
  await api(base, account, 'POST', '/api/register', { username, password });
  if (!account.session) throw new Error(`registering ${username} set no session cookie`);
  return account;
}

async function pool(n, concurrency, fn) {
  let next = 0;
  const workers = [];
  for (let w = 0; w < Math.min(concurrency, n); w++) {
    workers.push((async () => {
      while (next < n) await fn(next++);
    })());
  }
  await Promise.all(workers);
}

async function setup(opts) {
  const base = opts.url.replace(/\/$/, '');
  const password = process.env.CL_PASSWORD || 'loadgen-password-0123';
  const parallel = Number(process.env.CL_SETUP_PARALLEL || 4);
  const users = Math.max(1, Math.min(opts.users, opts.clients));
  const rooms = Math.max(1, opts.rooms);
  // loadgen's prefix is lg<pid>_; usernames allow 2..32 characters
  const accounts = new Array(users);
  await pool(users, parallel, async (u) => {
    accounts[u] = await newAccount(base, `${opts.userPrefix}${u}`, password);
  });
  // room i%R, used by client i, which runs as account i%U
  const roomIds = new Array(rooms);
  const tag = opts.userPrefix.replace(/_$/, '');
  await pool(rooms, parallel, async (r) => {
    const created = await api(base, accounts[0], 'POST', '/api/rooms', { name: `${tag}-room${r}`, kind: 'public' });
    roomIds[r] = created.room.id;
  });
  const joins = new Map(); // "u,r" -> [u, r]
  for (let i = 0; i < opts.clients; i++) {
    const u = i % users;
    const r = i % rooms;
    if (u !== 0) joins.set(`${u},${r}`, [u, r]);
  }
  const todo = [...joins.values()];
  await pool(todo.length, parallel, async (k) => {
    const [u, r] = todo[k];
    await api(base, accounts[u], 'POST', `/api/rooms/${roomIds[r]}/join`);
  });
  const preload = Number(process.env.CL_PRELOAD || 0);
  if (preload > 0) await preloadRooms(base, accounts[0], roomIds, preload);
  const roomIdByName = new Map();
  roomIds.forEach((id, r) => roomIdByName.set(`room${r}`, id));
  return {
    wsUrl: base.replace(/^http/, 'ws') + (opts.wsPath || '/ws'),
    accounts,
    roomIdByName,
    history: Number(process.env.CL_HISTORY || 0),
  };
}

// Posts `count` messages into each room over one socket of `account`, waiting for every ack.
function preloadRooms(base, account, roomIds, count) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(base.replace(/^http/, 'ws') + '/ws', {
      headers: { Cookie: `${SESSION}=${account.session}` },
      perMessageDeflate: false,
    });
    let waiting = roomIds.length * count;
    ws.on('error', reject);
    ws.on('message', (data) => {
      const m = JSON.parse(data);
      if (m.type === 'hello') {
        let n = 0;
        for (const room of roomIds) {
          for (let k = 0; k < count; k++, n++) {
            ws.send(JSON.stringify({ id: `p${n}`, type: 'send', room, clientMessageId: `pre${process.pid}-${n}`,
              text: `history message ${k} of ${count}` }));
          }
        }
      } else if (m.type === 'reply') {
        if (m.code !== 200) reject(new Error(`preload send refused: ${JSON.stringify(m)}`));
        if (--waiting === 0) {
          ws.close();
          resolve();
        }
      }
    });
  });
}

function connect(ctx, i, h) {
  return new Promise((resolve, reject) => {
    const account = ctx.accounts[i % ctx.accounts.length];
    const ws = new WebSocket(ctx.wsUrl, {
      headers: { Cookie: `${SESSION}=${account.session}` },
      perMessageDeflate: false,
    });
    const pending = new Map(); // request id -> callback(reply)
    const lastSeq = new Map(); // room id -> lastSeq from hello
    let nextId = 1;
    let hello = false;
    const request = (frame, onReply) => {
      const id = String(nextId++);
      if (onReply) pending.set(id, onReply);
      ws.send(JSON.stringify({ id, ...frame }));
    };
    const conn = {
      join(room) {
        const roomId = ctx.roomIdByName.get(room);
        return new Promise((res) => {
          const done = (reply) => {
            if (reply.code !== 200) h.onError('server_error', reply);
            res();
          };
          request({ type: 'subscribe', room: roomId, afterSeq: lastSeq.get(roomId) || 0 }, (reply) => {
            if (reply.code !== 200 || ctx.history <= 0) return done(reply);
            request({ type: 'history', room: roomId, direction: 'latest', limit: ctx.history }, done);
          });
        });
      },
      send(room, text) {
        const cmid = `c${process.pid}-${i}-${nextId}`;
        request({ type: 'send', room: ctx.roomIdByName.get(room), clientMessageId: cmid, text }, null);
      },
      typing(room, on) {
        request({ type: 'typing', room: ctx.roomIdByName.get(room), typing: on }, null);
      },
      close() {
        ws.close();
      },
    };
    ws.on('error', (err) => {
      if (!hello) reject(err);
      else h.onError('socket_error', err);
    });
    ws.on('unexpected-response', (req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on('close', (code) => {
      if (!hello) reject(new Error(`closed ${code} before hello`));
      h.onClose(`close ${code}`);
    });
    ws.on('message', (data) => {
      let m;
      try {
        m = JSON.parse(data);
      } catch (e) {
        h.onError('bad_frame', e);
        return;
      }
      if (m.type === 'message') {
        // the protocol promises, per connection and room, seqs rising by exactly 1 from afterSeq
        const last = lastSeq.get(m.room);
        if (last !== undefined && m.seq !== last + 1) h.onError('seq_gap', { room: m.room, expected: last + 1, got: m.seq });
        lastSeq.set(m.room, m.seq);
        h.onMessage(m.message.text);
      } else if (m.type === 'reply') {
        const cb = pending.get(m.id);
        if (cb) {
          pending.delete(m.id);
          cb(m);
        } else if (m.code !== 200) {
          h.onError('server_error', m);
        }
      } else if (m.type === 'hello') {
        for (const r of m.rooms) lastSeq.set(r.id, r.lastSeq);
        hello = true;
        resolve(conn);
      }
    });
  });
}

module.exports = { name, setup, connect };
