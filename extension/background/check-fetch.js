// Sending one request the core built, and the two conversions between fetch() and the core's readers
// (kept apart so Node tests reach them). Shared by the key check and Prepare ModelArts.

/** `Date` → `YYYYMMDDTHHMMSSZ` (UTC), the timestamp every signer takes. */
export function utcTimestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll('-', '').replaceAll(':', '');
}

/** A fetch Response (and its body text) → the answer `diagnoseKeyCheck` reads. */
export function toAnswer(response, body) {
  if (response.type === 'opaqueredirect') return { error: 'redirect' };
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

/**
 * Sends one request as the core built it: once (never retried), without cookies, without following
 * redirects. Resolves to the answer the core reads, `{error: 'network'}` when nothing came back.
 */
export async function send(request) {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      credentials: 'omit',
      redirect: 'manual',
      cache: 'no-store',
    });
    return toAnswer(response, request.method === 'HEAD' ? '' : await response.text());
  } catch {
    return { error: 'network' };
  }
}
