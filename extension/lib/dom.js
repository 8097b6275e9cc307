// Builds DOM nodes from data without ever parsing markup: `el('li', {class: 'x', 'data-id': id}, text, child)`.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'role' || k === 'for' || k === 'list') node.setAttribute(k, v);
    else node[k] = v;
  }
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
}

/**
 * `button` disabled and marked busy (aria-busy: ui.css turns a spinner in it) until `work` settles;
 * answers `work`, so a page can chain what it shows next.
 */
export function whileBusy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  return work.finally(() => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  });
}
