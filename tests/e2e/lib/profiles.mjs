// Puts a profile into the extension the way the product does, from an extension page, so that check
// and fill tests can start from "a user has this profile". Profiles live in the encrypted vault: the
// vault is created (first use) or unlocked with E2E_PASSPHRASE first; then the profile's credentials
// are imported and its other fields set by the same core operations the popup uses.
export const E2E_PASSPHRASE = 'correct horse battery staple';

/** Sends `{type, ...payload}` to the worker from an extension page; resolves with its answer, rejects with its error. */
export async function send(page, type, payload = {}) {
  const reply = await page.evaluate((m) => (globalThis.browser ?? chrome).runtime.sendMessage(m), { type, ...payload });
  if (reply?.error) throw reply.error;
  return reply?.ok;
}

/** The profiles as pages see them (the core's view: no secrets). */
export const listProfiles = async (page) => (await send(page, 'profiles.view')).profiles;

/** Sends messages to the worker from `page` (an extension page): creates or unlocks the vault. */
export async function unlockVault(page, passphrase = E2E_PASSPHRASE) {
  const status = await send(page, 'vault.status');
  if (status.state === 'empty') await send(page, 'vault.setup', { passphrase, confirmation: passphrase });
  if (status.state === 'locked') await send(page, 'vault.unlock', { passphrase });
}

/**
 * `profile`: `{name, provider, region?, endpoint?, note?, openscaleGuid?, credentials}` as a user
 * would end up with. Resolves to the new profile's id.
 */
export async function seedProfile(browser, profile) {
  const page = await browser.open('popup.html');
  try {
    await unlockVault(page);
    // An AK/SK says whose IAM issued it; a test's key is of its profile's cloud unless it says otherwise.
    const issuer = ['huawei', 'flexible-engine'].includes(profile.provider) ? 'huawei' : 'aws';
    const [first, ...others] = profile.credentials.map((c) => (c.kind === 'aksk' ? { issuer, ...c } : c));
    // Tests give several profiles the same key (one per region or endpoint): always a new profile.
    const { outcome } = await send(page, 'profiles.import', { items: [first], provider: profile.provider, newProfile: true });
    const id = outcome.saved[0].profileId;
    for (const credential of others) await send(page, 'profiles.import', { items: [credential], target: id });
    const edits = Object.fromEntries(['name', 'endpoint', 'region', 'note'].filter((f) => profile[f] != null).map((f) => [f, profile[f]]));
    await send(page, 'profiles.edit', { id, edits });
    if (profile.openscaleGuid) await send(page, 'profiles.setOpenscaleInstance', { id, guid: profile.openscaleGuid });
    return id;
  } finally {
    await page.close();
  }
}
