// The core's codes against the words in _locales: every code the core can emit (allMessageCodes,
// enumerated in Rust) has a message in each language, with exactly its params as `{name}`, and the
// French and Chinese ones are translations, not the English fallback. Needs pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allMessageCodes, initSync, parseCredentials } from '../../pkg/credfill.js';
import { words } from '../../extension/lib/words.js';

initSync({ module: readFileSync(new URL('../../pkg/credfill_bg.wasm', import.meta.url)) });

const LANGUAGES = ['en', 'fr', 'zh_CN'];
const catalogs = Object.fromEntries(LANGUAGES.map((lang) => [lang,
  JSON.parse(readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'))]));
const translator = (lang) => (key) => catalogs[lang][key]?.message ?? key;
const placeholders = (message) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const codes = allMessageCodes();

test('the core names a few dozen codes, each with its _locales key and params', () => {
  assert.ok(codes.length > 40, `${codes.length} codes`);
  assert.ok(codes.some((c) => c.key === 'error_bad_json') && codes.some((c) => c.key === 'check_clock_behind'));
  assert.deepEqual(codes.find((c) => c.key === 'check_bucket_wrong_region').params, ['bucket', 'bucketRegion', 'region']);
});

for (const lang of LANGUAGES) {
  test(`every code has words in ${lang} with exactly its params`, () => {
    const problems = codes.flatMap(({ key, params }) => {
      const message = catalogs[lang][key]?.message;
      if (message == null) return [`${key}: missing`];
      const used = placeholders(message);
      return used.join() === [...params].sort().join() ? [] : [`${key}: uses {${used}} but the core gives {${params}}`];
    });
    assert.deepEqual(problems, []);
  });
}

for (const lang of ['fr', 'zh_CN']) {
  test(`${lang} words are translations, not the English fallback`, () => {
    const copies = codes.map(({ key }) => key).filter((key) => catalogs[lang][key]?.message === catalogs.en[key].message);
    assert.deepEqual(copies, []);
  });
}

test('a default name made from a key ends with its tail in every language (a rotation moves it: src/profile/import.rs)', () => {
  for (const lang of LANGUAGES) {
    for (const key of ['profile_name_key', 'profile_name_key_of_user']) assert.match(catalogs[lang][key].message, /…\{keyTail\}$/, `${lang} ${key}`);
  }
});

test('Chinese says "credential" one way (凭证), and lists with 、', () => {
  const zh = JSON.stringify(catalogs.zh_CN);
  assert.ok(!zh.includes('凭据'));
  assert.equal(catalogs.zh_CN.listSeparator.message, '、');
});

test('the renderer fills params: numbers, lists, field labels and durations in the language', () => {
  const missingColumn = { code: 'missing-column', params: { missing: ['Access Key Id', 'Secret Access Key'], found: [] } };
  assert.equal(words(translator('zh_CN'), 'error', missingColumn), '表头缺少 Access Key Id、Secret Access Key 列（已找到：）。');
  const guid = { code: 'bad-guid', params: { field: { term: 'field_tenantId' }, length: 3 } };
  assert.equal(words(translator('fr'), 'error', guid),
    "ID de locataire n'est pas un GUID (8-4-4-4-12 chiffres hexadécimaux) ; il a 3 caractères.");
  const skew = { code: 'clock-behind', params: { duration: { amount: 2, unit: 'hour' } } };
  assert.match(words(translator('en'), 'check', skew), /^This computer's clock is about 2 hours behind/);
});

test('what the core emits for a bad file renders in French with no leftover placeholder', () => {
  const bytes = readFileSync(new URL('../fixtures/credentials/bad-short-secret.csv', import.meta.url));
  assert.throws(() => parseCredentials(new Uint8Array(bytes), 'credentials.csv'), (error) => {
    assert.equal(error.code, 'bad-secret');
    assert.deepEqual(Object.keys(error.params).sort(), ['expected', 'length', 'others']);
    assert.doesNotMatch(words(translator('fr'), 'error', error), /[{}]|secret access key/i);
    return true;
  });
});
