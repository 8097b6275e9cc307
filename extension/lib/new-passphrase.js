// The two fields of a new passphrase, in the popup and on the options page. The minimum is said
// under the field before anything is typed; a passphrase the rule refuses (lib/passphrase.js, the one
// rule, which the worker applies again) is said under its field, in the user's words, when the form
// is sent: the browser's own validation bubble would name no minimum, in its own language.
import { el } from './dom.js';
import { t } from './i18n.js';
import { MIN_PASSPHRASE_LENGTH, checkNewPassphrase } from './passphrase.js';
import { errorWords } from './words.js';

/** Wires `passphrase` and `confirmation` (inputs with ids) to the rule; answers the note to put under each. */
export function newPassphraseNotes(passphrase, confirmation) {
  const minimum = t('vault_passphrase_minimum', [String(MIN_PASSPHRASE_LENGTH)]);
  const note = (input) => el('p', { class: 'field-note', id: `${input.id}-note`, 'aria-live': 'polite' });
  const [under, underConfirmation] = [note(passphrase), note(confirmation)];
  passphrase.setAttribute('aria-describedby', under.id);
  confirmation.setAttribute('aria-describedby', underConfirmation.id);
  let refusedOnce = false; // after a refused send, the notes follow the typing
  const refusal = () => {
    try {
      checkNewPassphrase(passphrase.value, confirmation.value);
      return null;
    } catch (e) {
      return e;
    }
  };
  const say = (input, line, refused, otherwise) => {
    const shown = refusedOnce && Boolean(refused);
    input.setAttribute('aria-invalid', String(shown));
    line.className = `field-note ${shown ? 'error' : 'muted'}`;
    line.textContent = shown ? errorWords(t, 'vault_error', refused) : otherwise;
  };
  function update() {
    const refused = refusal();
    const tooShort = refused?.code === 'passphrase-too-short' ? refused : null;
    const differs = refused?.code === 'passphrase-mismatch' ? refused : null;
    // Keeps the form from being sent while the rule refuses, as `required` would.
    passphrase.setCustomValidity(tooShort ? errorWords(t, 'vault_error', tooShort) : '');
    confirmation.setCustomValidity(differs ? errorWords(t, 'vault_error', differs) : '');
    say(passphrase, under, tooShort, minimum);
    say(confirmation, underConfirmation, differs, '');
  }
  for (const input of [passphrase, confirmation]) {
    input.addEventListener('input', update);
    input.addEventListener('invalid', (event) => {
      event.preventDefault(); // no browser bubble: the note under the field says it
      refusedOnce = true;
      update();
    });
  }
  update();
  return [under, underConfirmation];
}
