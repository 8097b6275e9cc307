// The two conversions between fetch() and the WASM key check, kept apart so Node tests reach them.

/** `Date` → `YYYYMMDDTHHMMSSZ` (UTC), the timestamp every signer takes. */
export function utcTimestamp(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll('-', '').replaceAll(':', '');
}

/** A fetch Response (and its body text) → the answer `diagnoseKeyCheck` reads. */
export function toAnswer(response, body) {
  if (response.type === 'opaqueredirect') return { error: 'redirect' };
  return { status: response.status, headers: Object.fromEntries(response.headers), body };
}
