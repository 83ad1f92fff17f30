// Telling the person about messages they have not seen: the unread total in the tab's title, and
// (only when they opted in) desktop notifications for direct messages and mentions of their name.

const TITLE = 'ChatterLink';
const OPT_IN_KEY = 'chatterlink.notifications';

export function updateTitle(unreadTotal) {
  document.title = unreadTotal > 0 ? `(${unreadTotal}) ${TITLE}` : TITLE;
}

export function notificationsSupported() {
  return 'Notification' in window;
}

export function notificationsWanted() {
  return notificationsSupported() && localStorage.getItem(OPT_IN_KEY) === 'on' && Notification.permission === 'granted';
}

/** Turns notifications on (asking the browser's permission) or off; resolves to the new state. */
export async function setNotifications(on) {
  if (!on || !notificationsSupported()) {
    localStorage.removeItem(OPT_IN_KEY);
    return false;
  }
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') {
    localStorage.removeItem(OPT_IN_KEY);
    return false;
  }
  localStorage.setItem(OPT_IN_KEY, 'on');
  return true;
}

/** Shows one notification; clicking it focuses the tab and opens the room. */
export function notify(title, body, onClick) {
  if (!notificationsWanted()) return;
  const notification = new Notification(title, { body: body.slice(0, 200), tag: title });
  notification.addEventListener('click', () => {
    window.focus();
    onClick();
    notification.close();
  });
}
