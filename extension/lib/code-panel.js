// The "Use in code" panel (popup/code.js, and www/ after an import): per profile and tool, the
// snippet without the secret to copy, "Copy with secret…" and "Download…" only after a warning's
// second click. `backend` renders: `{offers, render, copySecret, download, allowClearing?, temporary?}` — the
// worker's messages in the extension, the page's own WASM core in www/ (which stores nothing).
// `backend.policy` (the extension's: the organisation's managed policy) hides what it forbids (a copy or
// download with the secret, a temporary key), and says so; the worker refuses it anyway.
//
// With `backend.temporary` (the extension: it can ask the cloud), a tool whose offer takes a temporary
// key gets a lifetime choice (the offer's: 15 min to 24 h on Huawei's IAM; IBM IAM's hour, or 8 h and
// 24 h as a new IBM API key that ends, which the panel says shows in the account), or the permanent key. A temporary key is asked for in
// two clicks, as every cloud request is: the first shows the one request (`prepare`), the second
// sends it and copies or downloads the snippet holding the key it brings (`issue`), and says when
// that key expires.
import { el } from './dom.js';
import { forbiddenLine, writeAllowed } from './policy-forbids.js';
import { dateWords, errorWords, localeKey, phrase, words } from './words.js';

const targetLabel = (t, target) => t(localeKey('code_target', target));

/** Saves `text` as `fileName` through the page's own download (no `downloads` permission). Both browsers drop
 * a leading dot (no hidden files from the web), and Chrome adds `.txt` to a `text/plain` file: an octet stream keeps the name. */
function saveAs(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/octet-stream' }));
  el('a', { href: url, download: fileName }).click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The panel's nodes for `profiles` (`{id, name}`), in the words of `t`. */
export function codePanel(t, profiles, backend) {
  const profile = el('select', { class: 'code-profile', 'aria-label': t('code_profile') },
    profiles.map((p) => el('option', { value: p.id }, p.name ?? p.id)));
  const target = el('select', { class: 'code-target', 'aria-label': t('code_target') });
  const about = el('p', { class: 'code-about muted' });
  const text = el('pre', { class: 'code-text', tabIndex: 0 });
  const copy = el('button', { type: 'button', class: 'code-copy' }, t('code_copy'));
  const copySecret = el('button', { type: 'button', class: 'code-copy-secret' }, t('code_copy_with_secret'));
  const download = el('button', { type: 'button', class: 'code-download' });
  const lifetime = el('select', { class: 'code-lifetime', 'aria-label': t('code_lifetime'), hidden: true });
  const getTemporary = el('button', { type: 'button', class: 'code-get-temporary primary', hidden: true }, t('code_get_temporary'));
  // A temporary key the organisation forbids: the permanent key's snippets only (lifetimes are not offered).
  const temporaryAllowed = !backend.temporary || writeAllowed(backend.policy, 'temporary-key');
  const temporary = temporaryAllowed ? backend.temporary?.(getTemporary, () => profile.value) : undefined;
  const confirm = el('div', { class: 'code-confirm', hidden: true });
  const status = el('p', { class: 'code-status', 'aria-live': 'polite' });
  const { allowCopyWithSecret = true, allowDownload = true } = backend.policy ?? {};
  copySecret.hidden = !allowCopyWithSecret;
  const forbidden = [[allowCopyWithSecret, 'copy-with-secret'], [allowDownload, 'download'], [temporaryAllowed, 'temporary-key']]
    .filter(([allowed]) => !allowed).map(([, what]) => forbiddenLine(t, what, 'code-forbidden'));
  let offers = [];
  const chosen = () => ({ profileId: profile.value, target: target.value });
  const offer = () => offers.find((o) => o.target === target.value);
  const say = (kind, words, ...extra) => {
    status.className = `code-status ${kind}`;
    status.replaceChildren(words, ...extra);
  };

  /** The lifetimes for this tool: the temporary ones and the permanent key, the offer's default chosen. */
  function showLifetimes() {
    const kind = temporary ? offer()?.temporary ?? 'no' : 'no';
    if (kind === 'no') {
      lifetime.hidden = true;
      return;
    }
    const seconds = offer().lifetimes;
    lifetime.replaceChildren(...[...seconds, 'permanent'].map((value) => el('option', { value: String(value) }, t(`code_lifetime_${value}`))));
    lifetime.value = kind === 'default' ? String(seconds[0]) : 'permanent';
    lifetime.hidden = false;
  }

  const temporarySeconds = () => (lifetime.hidden || lifetime.value === 'permanent' ? null : Number(lifetime.value));

  async function show() {
    confirm.hidden = true;
    status.replaceChildren();
    const { secretEnv, fileName } = offer() ?? {};
    const seconds = temporarySeconds();
    getTemporary.hidden = seconds === null || (Boolean(fileName) && !allowDownload);
    copySecret.hidden = seconds !== null || !allowCopyWithSecret;
    download.hidden = !fileName || seconds !== null || !allowDownload;
    download.textContent = t('code_download', [fileName ?? '']);
    copy.hidden = !secretEnv || seconds !== null;
    if (seconds !== null) {
      text.textContent = '';
      about.replaceChildren(t('code_temporary_about'), ...(offer()?.temporary === 'unconfirmed' ? [' ', t('code_temporary_unconfirmed')] : []),
        ...(offer()?.newKeyLifetimes.includes(seconds) ? [' ', t('code_temporary_new_key')] : []));
      return;
    }
    if (!secretEnv) {
      text.textContent = '';
      about.textContent = t('code_only_with_secret');
      return;
    }
    try {
      const snippet = await backend.render(chosen());
      text.textContent = snippet.text;
      about.textContent = t('code_reads_secret', [snippet.secretEnv]);
    } catch (e) {
      text.textContent = '';
      about.textContent = '';
      say('error', errorWords(t, 'code_error', e));
    }
  }

  async function loadTargets() {
    offers = await backend.offers({ profileId: profile.value }).catch(() => []);
    target.replaceChildren(...offers.map((o) => el('option', { value: o.target }, targetLabel(t, o.target))));
    showLifetimes();
    await show();
  }

  /** The warning (words, or nodes) and the second click; `action` runs only on that click. */
  function confirmFirst(warning, confirmLabel, action) {
    const go = el('button', { type: 'button', class: 'code-confirm-go danger' }, confirmLabel);
    const cancel = el('button', { type: 'button', class: 'code-confirm-cancel' }, t('code_cancel'));
    go.addEventListener('click', () => {
      confirm.hidden = true;
      action().catch((e) => say('error', errorWords(t, 'code_error', e)));
    });
    cancel.addEventListener('click', () => (confirm.hidden = true));
    confirm.replaceChildren(...(typeof warning === 'string' ? [el('p', { class: 'warning', role: 'alert' }, warning)] : warning), go, cancel);
    confirm.hidden = false;
  }

  function allowButton() {
    const allow = el('button', { type: 'button', class: 'code-allow-clipboard' }, t('code_allow_clipboard'));
    // Says when the grant is in, so the next copy with the secret is not made before it counts.
    allow.addEventListener('click', async () => {
      if (await backend.allowClearing()) say('ok', t('code_clipboard_allowed'));
    });
    return allow;
  }

  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(text.textContent);
    say('ok', t('code_copied'));
  });
  copySecret.addEventListener('click', () => confirmFirst(phrase(t, backend.allowClearing ? 'code_secret_warning' : 'code_secret_warning_page', { count: 60 }), t('code_confirm_copy'), async () => {
    const snippet = await backend.copySecret(chosen());
    await navigator.clipboard.writeText(snippet.text);
    if (snippet.clearable) say('warning', phrase(t, 'code_copied_secret', { count: snippet.clearSeconds }));
    else say('warning', t('code_clipboard_not_cleared'), ...(backend.allowClearing ? [' ', allowButton()] : []));
  }));
  download.addEventListener('click', () => confirmFirst(t('code_download_warning', [offer()?.fileName ?? '']), t('code_confirm_download'), async () => {
    const snippet = await backend.download(chosen());
    saveAs(snippet.fileName, snippet.text);
  }));
  /** A refusal of the temporary key: the flow's own line (`temporary_<code>`), a snippet's or a request's error. */
  const temporaryError = (e) => {
    if (e?.said) return say('error', words(t, 'temporary', e.said));
    const code = String(e?.code);
    const prefix = ['code_error', 'check_error'].find((p) => t(localeKey(p, code)) !== localeKey(p, code)) ?? 'check_error';
    say('error', errorWords(t, prefix, e));
  };

  // The first click: the request, shown (the worker reads the account first, asking for IAM's host in
  // this click); the second sends it once and copies or downloads what it brought.
  getTemporary.addEventListener('click', () => {
    const seconds = temporarySeconds();
    const { fileName } = offer() ?? {};
    status.replaceChildren();
    temporary.prepare(seconds).then((request) => confirmFirst([el('p', { class: 'muted' }, t('code_temporary_will_send')), request],
      t(fileName ? 'code_confirm_temporary_download' : 'code_confirm_temporary_copy'), async () => {
        const snippet = await temporary.issue({ ...chosen(), download: Boolean(fileName) }, seconds).catch((e) => temporaryError(e));
        if (!snippet) return;
        const expires = dateWords(t, snippet.expiresAt);
        if (fileName) {
          saveAs(snippet.fileName, snippet.text);
          say('ok', phrase(t, 'code_temporary_downloaded', { expires }));
          return;
        }
        await navigator.clipboard.writeText(snippet.text);
        if (snippet.clearable) say('warning', phrase(t, 'code_temporary_copied', { expires, count: snippet.clearSeconds }));
        else say('warning', phrase(t, 'code_temporary_copied', { expires, count: snippet.clearSeconds }), ' ', t('code_clipboard_not_cleared'), ...(backend.allowClearing ? [' ', allowButton()] : []));
      }), temporaryError);
  });

  profile.addEventListener('change', () => {
    temporary?.learn();
    loadTargets();
  });
  target.addEventListener('change', async () => {
    showLifetimes();
    await show();
  });
  lifetime.addEventListener('change', show);
  loadTargets();
  return [profile, target, lifetime, about, text, el('div', { class: 'buttons' }, copy, copySecret, download, getTemporary), ...forbidden, confirm, status];
}
