// SHA-256 in lower-case hex, of a text (as UTF-8) or of bytes: the clipboard clean-up's comparison,
// what an IAM token was made from.

export async function sha256Hex(data) {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
