// A write's request as the user reads it before the click that sends it (the core's preview: no
// signature, a secret as ••••): Prepare ModelArts' and the key rotation's.
import { el } from '../lib/dom.js';

/** A request as the user reads it before sending: method, URL, headers, body. */
function previewText({ method, url, headers, body }) {
  const lines = [`${method} ${url}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return body ? `${lines.join('\n')}\n\n${body}` : lines.join('\n');
}

/** `planned`: the core's `[{call, preview}]`; each shown in a `<pre class="${className}">`, in a list `${className}s`. */
export function previews(planned, className) {
  return el('ol', { class: `${className}s` }, ...planned.map(({ call, preview }) =>
    el('li', { 'data-action': call.action }, el('pre', { class: className }, previewText(preview)))));
}
