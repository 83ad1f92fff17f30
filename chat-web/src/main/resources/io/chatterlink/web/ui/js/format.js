// Pure formatting: dates in the browser's locale, sizes, initials avatars, links, error wording.
import { el } from './dom.js';

const DAY_MS = 24 * 60 * 60 * 1000;

function startOfDay(date) {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** "Today", "Yesterday", or the date in the browser's locale. */
export function dayLabel(iso, now = new Date()) {
  const at = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(at)) / DAY_MS);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  const sameYear = at.getFullYear() === now.getFullYear();
  return at.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric', year: sameYear ? undefined : 'numeric' });
}

export function dayKey(iso) {
  const at = new Date(iso);
  return `${at.getFullYear()}-${at.getMonth()}-${at.getDate()}`;
}

export function timeLabel(iso) {
  return new Date(iso).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
}

export function fullTimestamp(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'medium' });
}

/** "3 minutes ago", "yesterday", in the browser's locale. */
export function relativeTime(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month']];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

/** Bytes as people read them: "820 KB", "25 MB". */
export function sizeLabel(bytes) {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

export function initials(name) {
  const words = String(name).trim().split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? words[0][0] + words[1][0] : String(name).slice(0, 2);
  return letters.toUpperCase();
}

/** A hue from the user id, so that a person keeps their colour everywhere and after reloads. */
export function avatarHue(userId) {
  let hash = 0;
  for (const ch of String(userId)) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return hash % 360;
}

export function avatar(userId, name, extraClass = '') {
  const node = el('span', { className: `avatar ${extraClass}`.trim(), 'aria-hidden': 'true', text: initials(name) });
  node.dataset.hue = String(Math.floor(avatarHue(userId) / 30));
  return node;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * The text as nodes: http and https URLs become links that open in a new tab, everything else
 * stays plain text. Other schemes (javascript:, data:, ...) are never linked.
 */
export function linkify(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = url.match(TRAILING);
    if (trailing) url = url.slice(0, -trailing[0].length);
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') continue;
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    nodes.push(el('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'message-link', text: url }));
    last = match.index + url.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

const WORDING = {
  not_authenticated: 'Your session has ended. Please log in again.',
  forbidden: "You're not allowed to do that.",
  not_found: "That no longer exists, or you can't see it.",
  conflict: "That conflicts with a change someone just made. Try again.",
  rate_limited: "You're going a bit fast. Wait a moment and try again.",
  internal: 'Something went wrong on the server. Try again in a moment.',
  unavailable: "Can't reach the server right now. Try again in a moment.",
};

/** Turns any number of bytes in a server message into MB, and capitalises it. */
function humanise(message) {
  const withSizes = message.replace(/\b(\d{6,})( bytes)?\b/g, (_, digits) => sizeLabel(Number(digits)));
  const sentence = withSizes.charAt(0).toUpperCase() + withSizes.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** What to tell a person about a failure: a sentence, sizes in MB, never "Failed to fetch". */
export function errorText(error, { maxUploadBytes } = {}) {
  if (!error) return '';
  if (error.human) return error.message;
  if (error instanceof TypeError || error.code === 0 || error.status === 0) return WORDING.unavailable;
  const code = error.error || error.code;
  if (code === 'limit_exceeded' && error.status === 413 && maxUploadBytes) {
    return `That file is too large: the limit is ${sizeLabel(maxUploadBytes)}.`;
  }
  if (code === 'invalid_input' || code === 'limit_exceeded' || code === 'conflict' || code === 'forbidden') {
    return error.message ? humanise(error.message) : WORDING[code] || 'That did not work.';
  }
  return WORDING[code] || (error.message ? humanise(error.message) : 'That did not work.');
}
