// The HTTP API (docs/http-api.md): JSON in and out, the CSRF cookie echoed on every change.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function csrfToken() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith('chatterlink_csrf='));
  return entry ? decodeURIComponent(entry.slice('chatterlink_csrf='.length)) : '';
}

async function failure(response) {
  let body = {};
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's page): fall back to the status.
  }
  return new ApiError(response.status, body.error || 'unavailable', body.message || `HTTP ${response.status}`);
}

export async function api(method, path, body) {
  const headers = {};
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? {} : response.json();
}

/**
 * Uploads a file as the raw request body, reporting progress from 0 to 100; aborting the signal
 * cancels it (the promise then rejects with an ApiError of code 'cancelled').
 */
export function upload(roomId, file, onProgress, signal) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/rooms/${encodeURIComponent(roomId)}/attachments?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('X-CSRF-Token', csrfToken());
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    });
    xhr.addEventListener('load', () => {
      const body = xhr.response || {};
      if (xhr.status === 201) resolve(body.attachment);
      else reject(new ApiError(xhr.status, body.error || 'unavailable', body.message || `HTTP ${xhr.status}`));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'unavailable', 'the upload failed; check your connection')));
    xhr.addEventListener('abort', () => reject(new ApiError(-1, 'cancelled', 'upload cancelled')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}
