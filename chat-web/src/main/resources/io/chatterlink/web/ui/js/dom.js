// Tiny DOM helpers. User text only ever goes in through textContent, never as HTML.
import { errorText } from './format.js';

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

export const byId = (id) => document.getElementById(id);

/** How long an error stays when nothing else clears it. */
const ERROR_DISMISS_MS = 8000;
const timers = new WeakMap();

/**
 * Shows an error in human words next to what caused it; it goes away after a few seconds or as
 * soon as the next thing succeeds (showError(target, null)).
 */
export function showError(target, error, context) {
  clearTimeout(timers.get(target));
  target.textContent = error ? errorText(error, context) : '';
  if (error) timers.set(target, setTimeout(() => (target.textContent = ''), ERROR_DISMISS_MS));
}
