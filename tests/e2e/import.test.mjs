// Importing through the real UI: the popup (worker parses) and the standalone page (page parses),
// in both browsers, with the fixtures the Rust tests use.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BROWSERS, ROOT } from './lib/browsers.mjs';

const FIXTURES = join(ROOT, 'tests/fixtures/credentials');
const huawei = readFileSync(join(FIXTURES, 'huawei.csv'), 'utf8').trim().split('\n')[1].split(',');
const [, AK, SK] = huawei;
const IBM_KEY = JSON.parse(readFileSync(join(FIXTURES, 'ibm-apikey.json'), 'utf8')).apikey;
const zhCN = JSON.parse(readFileSync(join(ROOT, 'extension/_locales/zh_CN/messages.json'), 'utf8'));

const SURFACES = [
  // [name, page, file input, paste area, paste button, result]
  ['popup', 'popup.html', '#import-file', '#import-paste', '#import-paste-read', '#import-result'],
  ['www', 'file://' + join(ROOT, 'dist/www/index.html'), '#file', '#paste', '#parse-paste', '#result'],
];

for (const [browserName, launch] of BROWSERS) {
  describe(`${browserName}: import`, () => {
    let browser;
    before(async () => (browser = await launch()));
    after(async () => browser?.close());

    for (const [surface, url, fileInput, pasteArea, pasteButton, result] of SURFACES) {
      it(`${surface}: a Huawei credentials.csv shows the AK, masks the SK until revealed`, async () => {
        const page = await browser.open(url);
        await page.setFile(fileInput, join(FIXTURES, 'huawei.csv'));
        await page.waitFor(`${result} .item[data-kind="aksk"]`);
        assert.equal(await page.text(`${result} [data-field="accessKeyId"] dd`), AK);
        const masked = await page.text(`${result} [data-field="secretAccessKey"] .secret`);
        assert.ok(!masked.includes(SK.slice(0, 6)), 'SK shown before reveal');
        await page.click(`${result} [data-field="secretAccessKey"] .reveal`);
        assert.equal(await page.text(`${result} [data-field="secretAccessKey"] .secret`), SK);
        await page.close();
      });

      it(`${surface}: UTF-16 tab-separated file and pasted IBM JSON both import`, async () => {
        const page = await browser.open(url);
        await page.setFile(fileInput, join(FIXTURES, 'huawei-utf16le-tab.txt'));
        await page.waitFor(`${result} .item[data-kind="aksk"]`);
        await page.click(`details:has(${pasteArea}) > summary`);
        await page.fill(pasteArea, readFileSync(join(FIXTURES, 'ibm-apikey.json'), 'utf8'));
        await page.click(pasteButton);
        await page.waitFor(`${result} .item[data-kind="ibm-api-key"]`);
        const shown = await page.text(`${result}`);
        assert.ok(!shown.includes(IBM_KEY), 'API key shown before reveal');
        await page.close();
      });

      it(`${surface}: a binary file gets a clear error`, async () => {
        const page = await browser.open(url);
        await page.setFile(fileInput, join(FIXTURES, 'bad-binary.bin'));
        await page.waitFor(`${result} .error`);
        assert.equal(await page.attr(`${result} .error`, 'data-code'), 'not-text');
        await page.close();
      });
    }
  });
}

// A credentials.csv saved by Excel on a Chinese Windows (GBK), in a browser in Chinese: the user's
// language settles the four bytes of the name (李娜, not the EUC-JP 川槌), and the note says in
// Chinese which encoding was read.
for (const [browserName, launch] of BROWSERS) {
  describe(`${browserName} in zh-CN: import`, () => {
    let browser;
    before(async () => (browser = await launch({ language: 'zh-CN' })));
    after(async () => browser?.close());

    it('popup: a GBK credentials.csv shows the Chinese user name and a Chinese encoding note', async () => {
      const page = await browser.open('popup.html');
      await page.setFile('#import-file', join(FIXTURES, 'huawei-gbk-two-characters.csv'));
      await page.waitFor('#import-result .item[data-kind="aksk"]');
      assert.equal(await page.text('#import-result [data-field="userName"] dd'), '李娜');
      assert.equal(await page.text('#import-result [data-field="accessKeyId"] dd'), AK);
      const note = zhCN.warning_legacy_encoding.message
        .replace('{script}', zhCN.script_simplified_chinese.message).replace('{encoding}', 'GBK');
      assert.equal(await page.text('#import-result .warning[data-code="legacy-encoding"]'), note);
      await page.close();
    });
  });
}
