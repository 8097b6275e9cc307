// The inputs the WASM benches share, the same as the cargo benches': plain functions with no
// imports, so bench/sign-browser.mjs can also serve this file to its page.

/** `n` requests of benches/sign.rs for `signRequest` with `scheme` (plus `extra` fields), all with one key. */
export const signRequests = (n, scheme, extra = {}) => Array.from({ length: n }, (_, i) => ({
  scheme, method: 'GET', url: `https://bucket.obs.eu-west-0.example.com/models/run-${i}/weights.bin?partNumber=${i}`, headers: {},
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC', secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  region: 'eu-west-0', service: 's3', unsignedPayload: true, timestamp: '20261123T104600Z', ...extra,
}));

/** The credentials CSV of benches/credentials.rs, as large as `limit` bytes allow: `{ bytes, rows }`. */
export function credentialsCsv(limit) {
  let csv = 'User Name,Access Key Id,Secret Access Key\r\n';
  let rows = 0;
  for (;;) {
    const n = String(rows);
    const row = `user${n.padStart(8, '0')},AKBENCH${n.padStart(13, '0')},benchSecretAccessKey${n.padStart(20, '0')}\r\n`;
    if (csv.length + row.length > limit) break;
    csv += row;
    rows += 1;
  }
  return { bytes: new TextEncoder().encode(csv), rows };
}
