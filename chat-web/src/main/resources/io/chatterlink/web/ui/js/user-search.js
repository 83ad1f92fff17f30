// A name box with suggestions from GET /api/users?prefix=: type a few letters, pick with the
// arrow keys and Enter (or a click). Used to start direct messages and to add people to a room.
import { api } from './api.js';
import { el, showError } from './dom.js';
import { avatar } from './format.js';

/** Typing pauses this long before asking the server, so a fast typist sends one request. */
const DEBOUNCE_MS = 150;

export function wireUserSearch(form, { errorTarget, excludeId, onPick }) {
  const input = form.elements.username;
  const list = form.querySelector('[role="listbox"]');
  let users = [];
  let active = -1;
  let timer = null;
  let asked = '';

  const render = () => {
    list.hidden = users.length === 0;
    input.setAttribute('aria-expanded', String(users.length > 0));
    list.replaceChildren(...users.map((u, i) => el('li', {
        role: 'option', id: `${list.id}-${i}`, 'aria-selected': String(i === active), 'data-testid': 'user-suggestion',
        onmousedown: (e) => {
          e.preventDefault();
          pick(u);
        },
      },
      avatar(u.id, u.displayName, 'small'),
      el('span', { text: u.displayName }),
      u.displayName !== u.username ? el('span', { className: 'muted', text: `@${u.username}` }) : null)));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const search = async () => {
    const prefix = input.value.trim();
    asked = prefix;
    if (!prefix) {
      users = [];
      render();
      return;
    }
    try {
      const found = (await api('GET', `/api/users?prefix=${encodeURIComponent(prefix)}`)).users;
      if (asked !== prefix) return;
      users = found.filter((u) => u.id !== excludeId());
      active = users.length ? 0 : -1;
      showError(errorTarget, null);
      render();
    } catch (e) {
      showError(errorTarget, e);
    }
  };

  const pick = async (user) => {
    users = [];
    render();
    if (await onPick(user)) {
      form.reset();
      form.hidden = true;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!users.length) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : users.length - 1)) % users.length;
      render();
    } else if (e.key === 'Escape') {
      users = [];
      render();
      form.hidden = true;
    }
  });
  input.addEventListener('blur', () => setTimeout(() => {
    users = [];
    render();
  }, 150));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearTimeout(timer);
    const typed = input.value.trim().toLowerCase();
    if (!users.length || users[0].username.toLowerCase() !== typed) await search();
    const exact = users.find((u) => u.username.toLowerCase() === typed);
    const chosen = active >= 0 && users[active] ? users[active] : exact;
    if (chosen) pick(chosen);
    else if (typed) showError(errorTarget, { human: true, message: `Nobody here is called ${input.value.trim()}.` });
  });
}
