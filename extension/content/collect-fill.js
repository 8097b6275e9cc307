// Injected on demand (scripting.executeScript, after a user gesture) into every frame of a console tab.
// Classic script, no WASM, no secret kept: it describes the page's form fields to the worker, which
// plans in Rust, and later types the planned values the way a user would so frameworks notice.
// Field handles stay here (in the extension's isolated world); the worker only sees opaque ids.
(() => {
  // Injected again by a later gesture: keep the one instance. An own-property check, because named
  // access on `window` makes a page element with id="__credfillFill" appear as that global, also here.
  if (Object.hasOwn(globalThis, '__credfillFill')) return;

  const TEXT_TYPES = new Set(['', 'text', 'password', 'email', 'url', 'search', 'tel']);
  const NEARBY_MAX = 80; // longer text around a field is a paragraph, not its caption
  const MIN_SIDE = 8; // px: a smaller control is a honeypot, not a field a user types into
  let elements = new Map(); // id -> element, from the last collect()
  let collectedTypes = new Map(); // id -> its `type` attribute then: the plan judged that type
  let collectNonce = null; // the worker's nonce for that collect(): apply() answers only to it
  let labelIndexes = new Map(); // document or shadow root -> label[for] texts by id, during one collect()

  // Closed shadow roots are reachable from content scripts only: Chromium's chrome.dom, Firefox's Xray property.
  const shadowOf = globalThis.chrome?.dom?.openOrClosedShadowRoot
    ? (el) => globalThis.chrome.dom.openOrClosedShadowRoot(el)
    : (el) => el.openOrClosedShadowRoot ?? el.shadowRoot;
  // Only custom elements and these built-ins can host a shadow root (DOM standard, attachShadow()).
  const SHADOW_HOSTS = new Set(['ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5',
    'H6', 'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN']);

  function isTextEntry(el) {
    if (el.tagName === 'TEXTAREA') return true;
    return el.tagName === 'INPUT' && TEXT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase());
  }

  /** Every input / textarea / select in `root`, descending into open and closed shadow roots, in tree order. */
  function controlsIn(root, out = []) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let el = walker.nextNode(); el; el = walker.nextNode()) {
      const tag = /** @type {Element} */ (el).tagName;
      if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') out.push(el);
      else if (tag.includes('-') || SHADOW_HOSTS.has(tag)) {
        const shadow = shadowOf(el);
        if (shadow) controlsIn(shadow, out);
      }
    }
    return out;
  }

  const clean = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

  const CELLS = new Set(['TD', 'TH']);

  /**
   * The first text before the field, within four levels up (SPA forms often caption fields with bare
   * divs; OpenTiny nests its input four deep in the form item that holds the caption). `isLabel` when
   * that text is a caption by the page's structure: a <label> tied to no control (OpenTiny's form
   * items), or the cell before the field's own cell in a table row (a table-laid form's label column).
   */
  function precedingText(el) {
    let node = el;
    for (let depth = 0; depth < 4 && node; depth++) {
      for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) {
        // Comments are no caption: Vue leaves `<!--v-if-->` placeholders between elements.
        if (sibling.nodeType !== Node.ELEMENT_NODE && sibling.nodeType !== Node.TEXT_NODE) continue;
        const text = clean(sibling.textContent);
        if (!text) continue;
        if (text.length > NEARBY_MAX) return null;
        const caption = (sibling.tagName === 'LABEL' && !sibling.control)
          || (CELLS.has(sibling.tagName) && CELLS.has(node.tagName) && !sibling.querySelector('input, textarea, select'));
        return { text, isLabel: caption };
      }
      node = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentElement;
    }
    return null;
  }

  /**
   * `label[for]` texts by id, one index per document or shadow root: `el.labels` rescans the whole tree
   * on every call, which is quadratic on a page with thousands of fields.
   */
  function labelIndex(root) {
    let index = labelIndexes.get(root);
    if (!index) {
      index = new Map();
      for (const label of root.querySelectorAll('label[for]')) {
        const texts = index.get(label.htmlFor) ?? [];
        texts.push(clean(label.textContent));
        index.set(label.htmlFor, texts);
      }
      labelIndexes.set(root, index);
    }
    return index;
  }

  function labelsOf(el, preceding) {
    const root = el.getRootNode();
    const texts = el.id ? [...(labelIndex(root).get(el.id) ?? [])] : [];
    const wrapping = el.closest('label');
    if (wrapping && !wrapping.hasAttribute('for')) texts.push(clean(wrapping.textContent));
    for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
      texts.push(clean(root.getElementById?.(id)?.textContent));
    }
    // A custom element's inner input is often captioned by its host's `label` attribute (Carbon, OpenTiny).
    if (root instanceof ShadowRoot) texts.push(clean(root.host.getAttribute('label')));
    if (preceding?.isLabel) texts.push(preceding.text);
    return texts.filter(Boolean);
  }

  /**
   * The topmost element at (x, y), looking inside open and closed shadow roots (the document's own
   * answer stops at their hosts).
   */
  function topmostAt(x, y) {
    let hit = document.elementFromPoint(x, y);
    for (let root = hit && shadowOf(hit); root; root = shadowOf(hit)) {
      const inner = root.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    return hit;
  }

  const centreOf = (box) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  const inViewport = ({ x, y }) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight;

  /**
   * The cheap half of `isVisible`: laid out at a usable size, not hidden by display, visibility or
   * opacity. `collect` asks only this of every field: scrolling each one into view and hit-testing
   * it is most of a collect's time on a long page, and only the few fields the plan picks need it
   * (`hiddenAmong`).
   */
  function isShown(el) {
    if (el.checkVisibility && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    return box.width >= MIN_SIDE && box.height >= MIN_SIDE;
  }

  /**
   * Whether a user can see `el`: shown (`isShown`), in the viewport once scrolled into view
   * (off-screen placement stays off-screen), and the topmost element at its centre (not covered by
   * another element, not clipped away by an ancestor's overflow or a clip-path: hit testing honours
   * both). Its own label on top is fine: floating labels sit there, and clicking them reaches the field.
   */
  function isVisible(el) {
    if (!isShown(el)) return false;
    let box = el.getBoundingClientRect();
    if (!inViewport(centreOf(box))) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      box = el.getBoundingClientRect();
    }
    const centre = centreOf(box);
    if (!inViewport(centre)) return false;
    const hit = topmostAt(centre.x, centre.y);
    return Boolean(hit) && (hit === el || el.contains(hit) || hit.closest?.('label')?.control === el);
  }

  function describe(el, id, frame) {
    const attr = (name) => el.getAttribute(name);
    const preceding = precedingText(el);
    return {
      id,
      tag: el.tagName.toLowerCase(),
      type: attr('type'),
      name: attr('name'),
      htmlId: el.id || null,
      autocomplete: attr('autocomplete'),
      labels: labelsOf(el, preceding),
      placeholder: attr('placeholder'),
      ariaLabel: attr('aria-label'),
      nearbyText: preceding?.text ?? null,
      visible: isTextEntry(el) && isShown(el), // only text entries are ever filled: skip the cost for the rest
      readOnly: Boolean(el.readOnly),
      disabled: el.matches(':disabled'),
      frameUrl: frame.url,
      frameSandboxed: frame.sandboxed,
    };
  }

  /**
   * This frame: its URL (or inherited origin) and its fields, each naming that URL and whether the
   * frame is sandboxed (the core judges every field by its frame). `nonce` (the worker's, one per
   * collect) is the only one a later apply() is accepted with.
   */
  function collect(nonce) {
    collectNonce = nonce;
    elements = new Map();
    collectedTypes = new Map();
    labelIndexes = new Map();
    const inherits = location.protocol === 'about:' || location.protocol === 'blob:';
    // A sandboxed frame without allow-same-origin has the opaque origin "null".
    const frame = { url: inherits ? self.origin : location.href, sandboxed: self.origin === 'null' };
    const fields = controlsIn(document).map((el, index) => {
      const id = String(index);
      elements.set(id, el);
      collectedTypes.set(id, el.getAttribute('type'));
      return describe(el, id, frame);
    });
    labelIndexes = new Map();
    return { url: frame.url, fields };
  }

  /**
   * Of the collected fields `ids` (those a plan picked), the ones a user cannot see (`isVisible`),
   * for the worker to plan again without them; null for another collect than `nonce`'s. Checking
   * scrolls fields into view: the user's scroll position is put back after.
   */
  function hiddenAmong(nonce, ids) {
    if (nonce !== collectNonce) return null;
    const [scrollX, scrollY] = [window.scrollX, window.scrollY];
    const hidden = ids.filter((id) => elements.get(id)?.isConnected && !isVisible(elements.get(id)));
    window.scrollTo({ left: scrollX, top: scrollY, behavior: 'instant' });
    return hidden;
  }

  /** Resolves once the page changed (a late dialog: added with v-if, shown with v-show), or after `ms`. */
  function settle(ms) {
    return new Promise((resolve) => {
      const done = (changed) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(changed);
      };
      const observer = new MutationObserver(() => setTimeout(() => done(true), 50)); // let the dialog finish rendering
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
      const timer = setTimeout(() => done(false), ms);
    });
  }

  /** The prototype's value setter: bypasses the own `value` property React installs to track edits. */
  function nativeSetter(el) {
    const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
    return Object.getOwnPropertyDescriptor(proto, 'value').set;
  }

  function key(el, type) {
    el.dispatchEvent(new KeyboardEvent(type, { bubbles: true, composed: true, cancelable: true, key: 'Unidentified' }));
  }

  function typeInto(el, value) {
    el.focus();
    key(el, 'keydown');
    nativeSetter(el).call(el, value);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
    key(el, 'keyup');
    el.dispatchEvent(new Event('change', { bubbles: true }));
    el.blur();
  }

  /**
   * Fills `[{id, value}]` if this is still the document the worker planned for: the collect() of
   * `nonce` (not a later one), at `origin`. Else types nothing and returns `{refused: 'navigated'}`.
   * Re-checks each field right before typing: a field whose type changed since the collect gets
   * nothing (the plan, in Rust, decided which types may take which value; a page that turns the SK's
   * password field into a search box must not receive it). Returns `{filled: [id], skipped: [{id, reason}]}`.
   */
  function apply(nonce, origin, fills) {
    if (nonce !== collectNonce || self.origin !== origin) return { refused: 'navigated' };
    const result = { filled: [], skipped: [] };
    for (const { id, value } of fills) {
      const el = elements.get(id);
      const reason = !el || !el.isConnected ? 'gone'
        : el.getAttribute('type') !== collectedTypes.get(id) ? 'changed'
        : !isTextEntry(el) ? 'not-text'
        : el.readOnly ? 'read-only'
        : el.matches(':disabled') ? 'disabled'
        : !isVisible(el) ? 'hidden'
        : null;
      if (reason) result.skipped.push({ id, reason });
      else {
        typeInto(el, value);
        result.filled.push(id);
      }
    }
    return result;
  }

  globalThis.__credfillFill = Object.freeze({ collect, collectJson: (nonce) => {
    const { url, fields } = collect(nonce);
    return { url, fields: JSON.stringify(fields) };
  }, hiddenAmong, settle, apply });
})();
