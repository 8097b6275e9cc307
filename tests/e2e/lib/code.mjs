// The popup's "Use in code" panel, driven as a user would (tests/e2e/use-in-code.test.mjs, journey).

/** The clipboard's text, read from an extension page (the e2e build holds clipboardRead). */
export const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** Opens the panel (if closed) and picks the profile and the tool, as the selects' change events would. */
export async function chooseSnippet(popup, profileId, target) {
  if (!(await popup.evaluate(() => document.querySelector('details.code')?.open))) await popup.click('#code-section summary.code-title');
  await popup.waitFor(`.code-profile option[value="${profileId}"]`);
  await popup.evaluate(([id, value]) => {
    const profile = document.querySelector('.code-profile');
    if (profile.value !== id) {
      profile.value = id;
      profile.dispatchEvent(new Event('change'));
    }
  }, [profileId]);
  await popup.waitFor(`.code-target option[value="${target}"]`);
  await popup.evaluate(([value]) => {
    const select = document.querySelector('.code-target');
    if (select.value === value) return;
    select.value = value;
    select.dispatchEvent(new Event('change'));
  }, [target]);
}
