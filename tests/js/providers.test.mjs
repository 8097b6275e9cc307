import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { providerLabel } from '../../extension/lib/providers.js';
import { initSync, providerTraits } from '../../pkg/credfill.js';
import { localeKey } from '../../extension/lib/words.js';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });
const PROVIDERS = providerTraits().map((p) => p.id);

const LOCALES = ['en', 'fr', 'zh_CN'];
const catalog = (locale) => JSON.parse(readFileSync(new URL(`../../extension/_locales/${locale}/messages.json`, import.meta.url)));

test('every provider the core knows has a name in every language, and unknown ones have a fallback', () => {
  assert.ok(PROVIDERS.includes('flexible-engine') && PROVIDERS.length === 5);
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

test('the choices pages offer follow the core: consoles, Huawei-format keys, object storage', () => {
  const having = (trait) => providerTraits().filter((p) => p[trait]).map((p) => p.id);
  assert.deepEqual(having('hasConsole'), ['huawei', 'flexible-engine', 'ibm']);
  assert.deepEqual(having('takesHuaweiKeys'), ['huawei', 'flexible-engine']);
  assert.deepEqual(having('hasObjectStorage'), ['huawei', 'flexible-engine', 'aws']);
});

test('the profile editor offers one endpoint field per service the provider reaches, each named in every language', () => {
  const services = Object.fromEntries(providerTraits().map((p) => [p.id, p.services]));
  assert.deepEqual(services, {
    huawei: ['obs', 'iam', 'modelarts'], 'flexible-engine': ['obs', 'iam', 'modelarts'],
    ibm: ['ibmIam', 'resourceController', 'openscale'], aws: ['obs'], azure: [],
  });
  for (const locale of LOCALES) {
    const messages = catalog(locale);
    for (const service of new Set(Object.values(services).flat())) assert.ok(messages[localeKey('service', service)]?.message, `${locale}: ${service}`);
  }
});
