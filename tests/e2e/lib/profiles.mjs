// Puts a profile into the extension the way the product does, from an extension page, so that check
// and fill tests can start from "a user has this profile". Profiles live in the encrypted vault: the
// vault is created (first use) or unlocked with E2E_PASSPHRASE first.
export const E2E_PASSPHRASE = 'correct horse battery staple';

/** Sends messages to the worker from `page` (an extension page): creates or unlocks the vault. */
export async function unlockVault(page, passphrase = E2E_PASSPHRASE) {
  const reply = await page.evaluate(async (pass) => {
    const send = (message) => (globalThis.browser ?? chrome).runtime.sendMessage(message);
    const status = await send({ type: 'vault.status' });
    if (status.error) return status;
    if (status.ok.state === 'empty') return send({ type: 'vault.setup', passphrase: pass, confirmation: pass });
    if (status.ok.state === 'locked') return send({ type: 'vault.unlock', passphrase: pass });
    return status;
  }, passphrase);
  if (!reply?.ok) throw new Error(`unlocking the vault failed: ${JSON.stringify(reply?.error ?? reply)}`);
}

export async function seedProfile(browser, profile) {
  const page = await browser.open('popup.html');
  await unlockVault(page);
  const reply = await page.evaluate((p) => (globalThis.browser ?? chrome).runtime.sendMessage({ type: 'profiles.add', profile: p }), profile);
  await page.close();
  if (!reply?.ok) throw new Error(`seeding a profile failed: ${JSON.stringify(reply?.error ?? reply)}`);
  return reply.ok;
}
