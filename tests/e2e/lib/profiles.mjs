// Puts a profile into the extension the way the product does, from an extension page, so that check
// and fill tests can start from "a user has this profile". Whoever changes how profiles are stored
// (e.g. the vault's passphrase and lock) changes this one function.
export async function seedProfile(browser, profile) {
  const page = await browser.open('popup.html');
  const reply = await page.evaluate((p) => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'profiles.add', profile: p }), profile);
  await page.close();
  if (!reply?.ok) throw new Error(`seeding a profile failed: ${JSON.stringify(reply?.error ?? reply)}`);
  return reply.ok;
}
