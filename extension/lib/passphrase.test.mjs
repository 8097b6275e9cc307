import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MIN_PASSPHRASE_LENGTH, checkNewPassphrase } from './passphrase.js';
import { words } from './words.js';

describe('new passphrase', () => {
  it('needs the minimum length, counted in characters', () => {
    assert.throws(() => checkNewPassphrase('short', 'short'), { code: 'passphrase-too-short' });
    const elevenEmoji = '🔑'.repeat(MIN_PASSPHRASE_LENGTH - 1); // 22 UTF-16 units, 11 characters
    assert.throws(() => checkNewPassphrase(elevenEmoji, elevenEmoji), { code: 'passphrase-too-short' });
    assert.doesNotThrow(() => checkNewPassphrase('correct horse battery', 'correct horse battery'));
  });

  it('must be typed twice the same', () => {
    assert.throws(() => checkNewPassphrase('correct horse battery', 'correct horse batterY'), { code: 'passphrase-mismatch' });
    assert.throws(() => checkNewPassphrase('correct horse battery'), { code: 'passphrase-mismatch' });
  });
});

describe('a too-short passphrase in words', () => {
  it('names the minimum in every language, from the rule\'s own params', () => {
    let refusal;
    try {
      checkNewPassphrase('short', 'short');
    } catch (e) {
      refusal = e;
    }
    for (const lang of ['en', 'fr', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
      const text = words((key) => messages[key]?.message ?? key, 'vault_error', refusal);
      assert.ok(text.includes(String(MIN_PASSPHRASE_LENGTH)) && !text.includes('{'), `${lang}: ${text}`);
    }
  });
});
