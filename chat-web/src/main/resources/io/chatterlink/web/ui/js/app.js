// Entry point: shows the login form or the chat, and wires the page's controls to the Chat.
import { api } from './api.js';
import { byId, showError } from './dom.js';
import { Chat } from './chat.js';

let chat = null;

function showAuth(message) {
  chat = null;
  byId('chat-view').hidden = true;
  byId('reconnecting').hidden = true;
  byId('auth-view').hidden = false;
  byId('auth-error').textContent = message || '';
  byId('auth-form').elements.username.focus();
}

function showChat(user) {
  byId('auth-view').hidden = true;
  byId('chat-view').hidden = false;
  chat = new Chat(user, showAuth);
  chat.start();
  byId('composer').focus();
}

async function authenticate(path) {
  const form = byId('auth-form');
  const body = { username: form.elements.username.value, password: form.elements.password.value };
  if (path === '/api/register' && form.elements.invite.value) body.invite = form.elements.invite.value;
  showError(byId('auth-error'), null);
  try {
    const { user } = await api('POST', path, body);
    form.elements.password.value = '';
    showChat(user);
  } catch (e) {
    showError(byId('auth-error'), e);
  }
}

function wireAuth() {
  byId('auth-form').addEventListener('submit', (e) => {
    e.preventDefault();
    authenticate('/api/login');
  });
  byId('register-button').addEventListener('click', () => {
    if (byId('auth-form').reportValidity()) authenticate('/api/register');
  });
}

function wireChat() {
  byId('logout-button').addEventListener('click', () => chat?.logOut());
  byId('back-button').addEventListener('click', () => byId('chat-view').classList.remove('show-conversation'));
  byId('new-room-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    chat?.createRoom(form.elements.name.value, form.elements.kind.value).then(() => form.reset());
  });
  byId('dm-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    chat?.openDirect(form.elements.username.value).then(() => form.reset());
  });
  byId('invite-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const form = e.target;
    chat?.inviteToCurrent(form.elements.username.value).then(() => form.reset());
  });
  byId('leave-button').addEventListener('click', () => chat?.leaveCurrent());
  byId('refresh-public').addEventListener('click', () => chat?.refreshPublicRooms());
  byId('create-invite').addEventListener('click', async () => {
    try {
      const invite = await api('POST', '/api/invites', {});
      byId('invite-code').textContent = `${invite.code} (valid until ${new Date(invite.expiresAt).toLocaleString()})`;
    } catch (e) {
      showError(byId('sidebar-error'), e);
    }
  });

  const composer = byId('composer');
  const send = () => {
    if (!composer.value.trim()) return;
    chat?.send(composer.value);
    composer.value = '';
  };
  byId('composer-form').addEventListener('submit', (e) => {
    e.preventDefault();
    send();
  });
  composer.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  composer.addEventListener('input', () => chat?.typing.composing(composer.value));
  composer.addEventListener('blur', () => chat?.typing.stop());

  byId('upload-input').addEventListener('change', (e) => {
    const [file] = e.target.files;
    chat?.uploadFile(file).finally(() => (e.target.value = ''));
  });
  byId('message-list').addEventListener('scroll', (e) => {
    if (e.target.scrollTop < 40) chat?.loadOlder();
  });
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) chat?.markRead();
  });
}

async function main() {
  wireAuth();
  wireChat();
  try {
    const { user } = await api('GET', '/api/session');
    if (user) showChat(user);
    else showAuth('');
  } catch (e) {
    showAuth(e.message);
  }
  try {
    const config = await api('GET', '/api/config');
    byId('invite-field').hidden = config.registration !== 'invite-only';
    byId('invite-codes').hidden = config.registration !== 'invite-only';
    byId('register-button').hidden = config.registration === 'closed';
  } catch {
    // The defaults (open registration) stay.
  }
}

main();
