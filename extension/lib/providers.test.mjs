import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { providerLabel } from './providers.js';
import { PROVIDERS } from './vault-document.js';

const LOCALES = ['en', 'fr', 'zh_CN'];
const catalog = (locale) => JSON.parse(readFileSync(new URL(`../_locales/${locale}/messages.json`, import.meta.url)));

test('every provider has a name in every language, and unknown ones have a fallback', () => {
  for (const locale of LOCALES) {
    const messages = catalog(locale);
    const t = (key) => messages[key]?.message ?? '';
    for (const provider of [...PROVIDERS, 'unknown']) {
      const name = providerLabel(t, provider);
      assert.ok(name && !name.includes('provider_'), `${locale}: ${provider}`);
    }
  }
  const en = catalog('en');
  assert.equal(providerLabel((key) => en[key]?.message, 'flexible-engine'), en.provider_flexible_engine.message);
});
