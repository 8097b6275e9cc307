// fetch() for the WASM core's requests: each sent once, as planned, and its answer as the core reads it.
// Kept apart so Node tests reach them. Every flow's requests go through it (flows.js).

/** `Date` → `YYYYMMDDTHHMMSSZ` (UTC), the timestamp every signer takes. */
export function utcTimestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll('-', '').replaceAll(':', '');
}

/** Statuses that say "go elsewhere": never followed (see sendOnce). */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * A fetch Response (and its body text) → the answer a flow reads (`flowRead`). A browser hides a
 * redirect it did not follow behind an opaque answer; Node's fetch shows it as it came.
 */
export function toAnswer(response, body) {
  if (response.type === 'opaqueredirect' || REDIRECTS.has(response.status)) return { error: 'redirect' };
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}

/**
 * Sends a request the core built, once: no cookies, no redirects followed (a token or a signature
 * never goes on to another origin), no cache. A failure to reach the host is an answer too.
 */
export async function sendOnce(request) {
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
