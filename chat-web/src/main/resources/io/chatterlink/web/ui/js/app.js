// Entry point: shows the sign-in form or the chat, and wires the page's controls to the Chat.
import { api } from './api.js';
import { byId, showError } from './dom.js';
import { Chat } from './chat.js';
import { wireMenu, wirePasswordDialog } from './dialogs.js';
import { notificationsSupported, notificationsWanted, setNotifications } from './notify.js';
import { wireUserSearch } from './user-search.js';
import { wireFileSources } from './uploads.js';

const LOGOUT_PENDING = 'chatterlink.logoutPending';
let chat = null;
let config = { registration: 'open' };

function showAuth(message) {
  chat = null;
  byId('chat-view').hidden = true;
  byId('connection-banner').hidden = true;
  document.body.classList.remove('disconnected');
  byId('auth-view').hidden = false;
  byId('auth-error').textContent = message || '';
  document.title = 'ChatterLink';
  byId('auth-form').elements.username.focus();
}

function showChat(user) {
  byId('auth-view').hidden = true;
  byId('chat-view').hidden = false;
  chat = new Chat(user, config, showAuth);
  chat.start();
  chat.rooms.renderConversation();
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
    showError(byId('auth-error'), e.status === 401 ? { message: 'Wrong username or password.' } : e);
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

/** A "+" button that shows a small form in place and focuses it; Escape hides it again. */
function wireToggle(button, form) {
  button.addEventListener('click', () => {
    form.hidden = !form.hidden;
    button.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) form.querySelector('input').focus();
  });
  form.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      form.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
  });
}

function wireSidebar() {
  wireMenu(byId('user-menu-button'), byId('user-menu'));
  byId('logout-button').addEventListener('click', () => chat?.logOut());
  const openPassword = wirePasswordDialog(() => chat?.expectNewSession());
  byId('change-password').addEventListener('click', openPassword);
  const toggle = byId('notifications-toggle');
  toggle.hidden = !notificationsSupported();
  const label = () => (toggle.textContent = notificationsWanted() ? 'Turn off desktop notifications' : 'Turn on desktop notifications');
  label();
  toggle.addEventListener('click', async () => {
    await setNotifications(!notificationsWanted());
    label();
  });
  byId('create-invite').addEventListener('click', async () => {
    try {
      const invite = await api('POST', '/api/invites', {});
      byId('invite-code').textContent = `Invite code: ${invite.code} (valid until ${new Date(invite.expiresAt).toLocaleString()})`;
    } catch (e) {
      showError(byId('sidebar-error'), e);
    }
  });

  wireToggle(byId('new-room-open'), byId('new-room-form'));
  byId('new-room-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.target;
    if (await chat?.rooms.create(form.elements.name.value, form.elements.kind.value)) {
      form.reset();
      form.hidden = true;
      byId('new-room-open').setAttribute('aria-expanded', 'false');
    }
  });
  wireToggle(byId('new-dm-open'), byId('dm-form'));
  wireUserSearch(byId('dm-form'), {
    errorTarget: byId('dm-error'),
    excludeId: () => chat?.me.id,
    onPick: (user) => chat?.rooms.openDirect(user),
  });

  const browser = byId('room-browser');
  byId('browse-rooms').addEventListener('click', () => {
    chat?.rooms.refreshPublic();
    byId('browser-search').value = '';
    chat?.rooms.renderBrowser();
    browser.showModal();
    byId('browser-search').focus();
  });
  byId('browser-search').addEventListener('input', () => chat?.rooms.renderBrowser());
  byId('browser-close').addEventListener('click', () => browser.close());
  byId('browser-create').addEventListener('click', () => {
    browser.close();
    byId('new-room-form').hidden = false;
    byId('new-room-form').elements.name.focus();
  });
}

function wireConversation() {
  byId('back-button').addEventListener('click', () => byId('chat-view').classList.remove('show-conversation'));
  byId('retry-now').addEventListener('click', () => chat?.connection.retryNow());
  wireMenu(byId('room-menu-button'), byId('room-menu'));
  byId('invite-open').addEventListener('click', () => {
    byId('invite-form').hidden = false;
    byId('invite-form').elements.username.focus();
  });
  wireUserSearch(byId('invite-form'), {
    errorTarget: byId('invite-error'),
    excludeId: () => chat?.me.id,
    onPick: (user) => chat?.rooms.invite(user),
  });
  byId('leave-button').addEventListener('click', () => chat?.rooms.leaveCurrent());
  byId('people-toggle').addEventListener('click', () => byId('chat-view').classList.toggle('show-people'));

  const composer = byId('composer');
  const send = () => {
    const text = composer.value;
    if (!text.trim() && !chat?.uploads.busy) return;
    composer.value = '';
    chat?.send(text);
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
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) chat?.markRead();
    chat?.visibilityChanged();
  });

  const lightbox = byId('lightbox');
  byId('lightbox-close').addEventListener('click', () => lightbox.close());
  lightbox.addEventListener('click', (e) => {
    if (e.target === lightbox) lightbox.close();
  });
}

function wireUploads() {
  wireFileSources({
    dropTarget: byId('conversation'),
    dropHint: byId('drop-hint'),
    composer: byId('composer'),
    input: byId('upload-input'),
    accepts: () => Boolean(chat?.current),
    add: (files) => chat?.uploads.add(files),
  });
}

/** A logout that could not reach the server is finished before anything else. */
async function finishPendingLogout() {
  if (!localStorage.getItem(LOGOUT_PENDING)) return;
  await api('POST', '/api/logout', {});
  localStorage.removeItem(LOGOUT_PENDING);
}

async function main() {
  wireAuth();
  wireSidebar();
  wireConversation();
  wireUploads();
  try {
    config = await api('GET', '/api/config');
  } catch {
    // The defaults (open registration) stay.
  }
  byId('invite-field').hidden = config.registration !== 'invite-only';
  byId('create-invite').hidden = config.registration !== 'invite-only';
  byId('register-button').hidden = config.registration === 'closed';
  byId('auth-note').textContent = config.registration === 'closed'
    ? 'Accounts are created by the administrator.'
    : config.registration === 'invite-only' ? 'New here? Register with an invite code from someone on this server.' : 'New here? Pick a username and password, then press Register.';
  try {
    await finishPendingLogout();
    const { user } = await api('GET', '/api/session');
    if (user) showChat(user);
    else showAuth('');
  } catch (e) {
    showAuth(localStorage.getItem(LOGOUT_PENDING) ? "The server can't be reached yet; log in again once it's back." : showErrorText(e));
  }
}

function showErrorText(e) {
  const p = document.createElement('p');
  showError(p, e);
  return p.textContent;
}

main();
