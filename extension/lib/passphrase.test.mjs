import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_PASSPHRASE_LENGTH, checkNewPassphrase } from './passphrase.js';

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
