// The core's codes against the words in _locales: every code the core can emit (allMessageCodes,
// enumerated in Rust) has a message in each language, with exactly its params as `{name}`, and the
// French and Chinese ones are translations, not the English fallback. Needs pkg/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { allMessageCodes, codeCommentKeys, initSync, parseCredentials, renderSnippet } from '../../pkg-test/credfill.js';
import { coded, dateWords, localeKey, phrase, words, wordsOf } from '../../extension/lib/words.js';

initSync({ module: readFileSync(new URL('../../pkg-test/credfill_bg.wasm', import.meta.url)) });

const LANGUAGES = ['en', 'fr', 'zh_CN'];
const catalogs = Object.fromEntries(LANGUAGES.map((lang) => [lang,
  JSON.parse(readFileSync(new URL(`../../extension/_locales/${lang}/messages.json`, import.meta.url), 'utf8'))]));
const translator = (lang) => (key) => catalogs[lang][key]?.message ?? key;
// A param is written `{name}`, or `{name, plural, one {…} other {…}}` when it counts something.
const placeholders = (message) => [...message.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();
const PLURAL = /\{(\w+), plural,((?:\s*\S+\s*\{[^{}]*\})+)\s*\}/g;
/** The plural blocks of a message: `[{name, forms: {one: '# dossier', other: '# dossiers'}}]`. */
const pluralBlocks = (message) => [...message.matchAll(PLURAL)].map(([, name, forms]) =>
  ({ name, forms: Object.fromEntries([...forms.matchAll(/(\S+)\s*\{([^{}]*)\}/g)].map(([, c, text]) => [c, text])) }));
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

// A key is letters, digits and `_`, and Chrome ignores its case
// (https://developer.chrome.com/docs/extensions/reference/api/i18n); www/ does not. So every key is
// written one way, the way localeKey writes a code: lower-case words joined by `_`.
const KEY_STYLE = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;
const LOCALES = new URL('../../extension/_locales/', import.meta.url);

test('every key in every _locales file is lower-case words joined by _', () => {
  const off = readdirSync(LOCALES).flatMap((lang) =>
    Object.keys(JSON.parse(readFileSync(new URL(`${lang}/messages.json`, LOCALES), 'utf8')))
      .filter((key) => !KEY_STYLE.test(key)).map((key) => `${lang}: ${key}`));
  assert.deepEqual(off, []);
});

test('localeKey writes a code as the keys are written: each - and each camelCase hump as _', () => {
  assert.equal(localeKey('error', 'bad-json'), 'error_bad_json');
  assert.equal(localeKey('field', 'accessKeyId'), 'field_access_key_id');
  assert.equal(localeKey('field', 'iamServiceIdCrn'), 'field_iam_service_id_crn');
  assert.equal(localeKey('storage_class', 'DEEP_ARCHIVE'), 'storage_class_deep_archive');
  assert.equal(localeKey('region', 'cn-north-4'), 'region_cn_north_4');
});

test('every key the pages (data-i18n*) and the manifest (__MSG_…__) name has words', () => {
  const pages = ['extension/popup.html', 'extension/options.html', 'extension/offscreen.html', 'www/index.html', 'manifest.json'];
  const named = pages.flatMap((page) => [...readFileSync(new URL(`../../${page}`, import.meta.url), 'utf8')
    .matchAll(/data-i18n(?:-[a-z-]+)?="([^"]*)"|__MSG_(\w+)__/g)].map((m) => [page, m[1] ?? m[2]]));
  assert.ok(named.length > 15, `${named.length} keys named`);
  assert.deepEqual(named.filter(([, key]) => !(key in catalogs.en)).map(([page, key]) => `${page}: ${key}`), []);
});

/** The extension's and the page's own scripts (tests aside). */
const scripts = (dir) => readdirSync(new URL(`../../${dir}/`, import.meta.url), { recursive: true })
  .filter((file) => file.endsWith('.js') && !file.endsWith('.test.js')).map((file) => `${dir}/${file}`);

test('every key the scripts name has words: t() and phrase() a whole key, words() and its kin a prefix of some', () => {
  const keys = Object.keys(catalogs.en);
  const named = [...scripts('extension'), ...scripts('www')].flatMap((file) => [...readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
    .matchAll(/\b(t|phrase|words|errorWords|coded|localeKey)\(\s*(?:t,\s*)?'(\w+)'/g)].map(([, call, key]) => [file, call, key]));
  assert.ok(named.length > 100, `${named.length} keys named`);
  const missing = named.filter(([, call, key]) => (['t', 'phrase'].includes(call)
    ? !keys.includes(key) : !keys.some((k) => k === key || k.startsWith(`${key}_`))));
  assert.deepEqual(missing.map(([file, call, key]) => `${file}: ${call}('${key}')`), []);
});

// Names of products, the same in every language.
const PRODUCT_NAMES = new Set(['Watson Machine Learning', 'Amazon SageMaker', 'IBM SPSS Collaboration and Deployment Services']);

for (const lang of ['fr', 'zh_CN']) {
  test(`${lang} words are translations, not the English fallback`, () => {
    const copies = codes.map(({ key }) => key)
      .filter((key) => catalogs[lang][key]?.message === catalogs.en[key].message && !PRODUCT_NAMES.has(catalogs.en[key].message))
      // A region's name is its console's own; the consoles have no French (src/profile/region.rs REGION_NAMES).
      .filter((key) => !(lang === 'fr' && key.startsWith('region_')));
    assert.deepEqual(copies, []);
  });
}

// Each language's plural rule, written out here (not asked of Intl) so a renderer that ignores
// the language is caught: French says "0 dossier", English "0 folders", Chinese has one form.
const CATEGORY = { en: (n) => (n === 1 ? 'one' : 'other'), fr: (n) => (n < 2 ? 'one' : 'other'), zh_CN: () => 'other' };
const counted = Object.keys(catalogs.en).filter((key) => LANGUAGES.some((lang) => pluralBlocks(catalogs[lang][key]?.message ?? '').length));

test('every count the core sends is a plural in English and French; no message hedges with "(s)"', () => {
  const unpluralized = codes.flatMap(({ key, counts }) => ['en', 'fr'].flatMap((lang) => {
    const plurals = pluralBlocks(catalogs[lang][key].message).map((b) => b.name);
    return counts.filter((name) => !plurals.includes(name)).map((name) => `${lang} ${key}: {${name}}`);
  }));
  assert.deepEqual(unpluralized, []);
  assert.ok(counted.includes('check_folders_listed') && counted.includes('found_items') && counted.length > 15, counted.join());
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(catalogs[lang]).filter((key) => /\w\((s|e|es)\)/.test(catalogs[lang][key].message.replaceAll('http(s)', ''))), [], lang);
  }
});

for (const lang of LANGUAGES) {
  test(`every counted message in ${lang} says 0, 1, 2 and 5 in the form its language uses`, () => {
    const t = translator(lang);
    for (const key of counted) {
      const message = catalogs[lang][key].message;
      const blocks = pluralBlocks(message);
      for (const n of [0, 1, 2, 5]) {
        const params = Object.fromEntries(placeholders(message).map((name) => [name, n]));
        const text = phrase(t, key, params);
        assert.doesNotMatch(text, /[{}#]/, `${lang} ${key} ${n}: ${text}`);
        for (const { name, forms } of blocks) {
          const form = forms[CATEGORY[lang](n)];
          assert.ok(form != null, `${lang} ${key} {${name}} has no ${CATEGORY[lang](n)} form`);
          assert.ok(text.includes(form.replaceAll('#', String(n))), `${lang} ${key} ${n}: "${text}" lacks "${form}"`);
        }
        if (!blocks.length) assert.ok(text.includes(String(n)), `${lang} ${key} ${n}: ${text}`);
      }
    }
  });
}

test('the folders a bucket holds, counted in each language', () => {
  const folders = (lang, count) => words(translator(lang), 'check', { code: 'folders-listed', params: { bucket: 'b', count } });
  assert.deepEqual([0, 1, 2, 5].map((n) => folders('fr', n)),
    [0, 1, 2, 5].map((n) => `Le bucket b contient ${n} ${n < 2 ? 'dossier' : 'dossiers'}.`));
  assert.deepEqual([0, 1, 2].map((n) => folders('en', n)), ['Bucket b holds 0 folders.', 'Bucket b holds 1 folder.', 'Bucket b holds 2 folders.']);
  assert.equal(folders('zh_CN', 1), '桶 b 中有 1 个文件夹。');
});

test('French puts a no-break space before : ; ? ! and inside « »; Chinese uses full-width colons with no space after ：。', () => {
  const badFrench = Object.entries(catalogs.fr).filter(([, { message }]) =>
    /(?<![\u00a0\u202f])[:;?!](\s|$)/u.test(message) || /« | »/.test(message)).map(([key, { message }]) => `${key}: ${message}`);
  assert.deepEqual(badFrench, [], 'node scripts/french-spaces.mjs sets them');
  const badChinese = Object.entries(catalogs.zh_CN).filter(([, { message }]) =>
    /[\u4e00-\u9fff）][:;,?!]|[：。；，] /u.test(message)).map(([key, { message }]) => `${key}: ${message}`);
  assert.deepEqual(badChinese, []);
  assert.equal(phrase(translator('fr'), 'label_value', { label: 'Région', value: 'x' }), 'Région\u00a0: x');
  assert.equal(phrase(translator('zh_CN'), 'label_value', { label: '区域', value: 'x' }), '区域：x');
  assert.equal(phrase(translator('zh_CN'), 'two_sentences', { first: '导入失败。', second: '（第 2 行）' }), '导入失败。（第 2 行）');
});

test('a region, a storage class and an authorization type: the code with its words beside it', () => {
  const region = { code: 'bucket-created', params: { bucket: 'b', region: { term: 'region_cn_north_4', code: 'cn-north-4' } } };
  assert.equal(words(translator('zh_CN'), 'check', region), '已在 华北-北京四（cn-north-4） 创建桶 b：标准存储（STANDARD），私有。');
  assert.equal(words(translator('fr'), 'check', region), 'Bucket b créé dans la région CN North-Beijing4 (cn-north-4)\u00a0: stockage standard (STANDARD), privé.');
  assert.equal(coded(translator('zh_CN'), 'region', 'eu-west-0'), '欧洲-巴黎（eu-west-0）');
  assert.equal(coded(translator('en'), 'storage_class', 'WARM'), 'Infrequent Access storage (WARM)');
  assert.equal(coded(translator('zh_CN'), 'authorization_type', 'credential'), '访问密钥 AK/SK（credential）');
  assert.equal(coded(translator('fr'), 'region', 'us-east-1'), 'us-east-1', 'a region without a name is its ID');
});

test('an IBM key\'s creation time, read by the core, in the words\' language', () => {
  const bytes = readFileSync(new URL('../fixtures/credentials/ibm-apikey.json', import.meta.url));
  const { items, dates } = parseCredentials(new Uint8Array(bytes), 'apikey.json');
  assert.equal(items[0].createdAt, '2026-11-23T10:00+0000');
  assert.equal(dates[0].createdAt, Date.UTC(2026, 10, 23, 10, 0));
  assert.match(dateWords(translator('fr'), dates[0].createdAt), /^2[34] nov\. 2026/);
  assert.match(dateWords(translator('zh_CN'), dates[0].createdAt), /^2026年11月2[34]日/);
  assert.match(dateWords(translator('en'), dates[0].createdAt), /^Nov 2[34], 2026/);
  assert.equal(dateWords(translator('en'), 'not a date'), 'not a date');
});

test('a snippet explains itself in the user\'s language; its code stays the same', () => {
  const profile = { id: 'p', name: 'p', provider: 'ibm', region: 'eu-de', credentials: [{ kind: 'ibm-api-key', apiKey: 'k'.repeat(44) }] };
  const snippet = (lang) => renderSnippet(profile, 'ibmcloud-login', false, wordsOf(translator(lang), codeCommentKeys())).text;
  const [en, fr, zh] = ['en', 'fr', 'zh_CN'].map(snippet);
  assert.match(fr, /^# Lit la clé d'API dans la variable d'environnement IBMCLOUD_API_KEY\.$/m);
  assert.match(zh, /^# 从环境变量 IBMCLOUD_API_KEY 读取 API 密钥。$/m);
  assert.doesNotMatch(fr + zh, /Reads the|gave you/);
  const code = (text) => text.split('\n').filter((line) => !line.startsWith('#'));
  assert.deepEqual(code(fr), code(en));
  assert.deepEqual(code(zh), code(en));
});

test('a default name made from a key ends with its tail in every language (a rotation moves it: src/profile/import.rs)', () => {
  for (const lang of LANGUAGES) {
    for (const key of ['profile_name_key', 'profile_name_key_of_user']) assert.match(catalogs[lang][key].message, /…\{keyTail\}$/, `${lang} ${key}`);
  }
});

test('Chinese says "credential" one way (凭证), and lists with 、', () => {
  const zh = JSON.stringify(catalogs.zh_CN);
  assert.ok(!zh.includes('凭据'));
  assert.equal(catalogs.zh_CN.list_separator.message, '、');
});

test('the renderer fills params: numbers, lists, field labels and durations in the language', () => {
  const missingColumn = { code: 'missing-column', params: { missing: ['Access Key Id', 'Secret Access Key'], found: [] } };
  assert.equal(words(translator('zh_CN'), 'error', missingColumn), '表头缺少 Access Key Id、Secret Access Key 列（已找到：）。');
  // The core names the field by its camelCase name (`tenantId`); its term is a key as written, for
  // www/'s lookup minds case.
  const tenant = readFileSync(new URL('../fixtures/credentials/bad-azure-tenant.json', import.meta.url));
  assert.throws(() => parseCredentials(new Uint8Array(tenant), 'azure.json'), (guid) => {
    assert.deepEqual(guid.params.field, { term: 'field_tenant_id' });
    assert.equal(words(translator('fr'), 'error', guid),
      "ID de locataire n'est pas un GUID (8-4-4-4-12 chiffres hexadécimaux)\u202f; il a 7 caractères.");
    return true;
  });
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
