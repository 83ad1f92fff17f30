// Menus and dialogs: pop-up menus that close on Escape or a click elsewhere, a confirmation for
// destructive actions, and the change-password form.
import { api } from './api.js';
import { byId, showError } from './dom.js';

/** Wires a menu button to its menu: toggles, Escape closes and returns focus, outside click closes. */
export function wireMenu(button, menu) {
  const close = () => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    const opening = menu.hidden;
    close();
    if (opening) {
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      menu.querySelector('button:not([hidden]), input')?.focus();
    }
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      close();
      button.focus();
    }
  });
  menu.addEventListener('click', (e) => {
    if (e.target.closest('button')) close();
  });
  document.addEventListener('click', (e) => {
    if (!menu.hidden && !menu.contains(e.target) && !button.contains(e.target)) close();
  });
  return close;
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export function confirmAction(text, confirmLabel) {
  const dialog = byId('confirm-dialog');
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  dialog.showModal();
  byId('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

export function wirePasswordDialog(beforeChange) {
  const dialog = byId('password-dialog');
  const form = byId('password-form');
  const error = byId('password-error');
  byId('password-cancel').addEventListener('click', () => dialog.close());
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const { current, next, repeat } = form.elements;
    if (next.value !== repeat.value) {
      showError(error, { human: true, message: 'The two new passwords differ.' });
      return;
    }
    try {
      beforeChange();
      await api('POST', '/api/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      dialog.close();
      byId('password-done').hidden = false;
      setTimeout(() => (byId('password-done').hidden = true), 6000);
    } catch (err) {
      showError(error, err);
    }
  });
  return () => {
    form.reset();
    showError(error, null);
    dialog.showModal();
    form.elements.current.focus();
  };
}
