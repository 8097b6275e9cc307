import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  UNDO_MS, addProfile, deleteProfile, editProfile, emptyDocument, forgetOldDeletion, keepUnknownFields,
  normalizeDocument, patchProfile, reorderProfiles, resolveConflict, undoDelete,
} from './vault-document.js';

const profile = (id, extra = {}) => ({ id, name: `P ${id}`, provider: 'huawei', credentials: [], ...extra });
const docWith = (...ids) => ids.reduce((doc, id) => addProfile(doc, profile(id)), emptyDocument());
const ids = (doc) => doc.profiles.map((p) => p.id);

describe('vault document', () => {
  it('adds profiles in order and refuses a second one with the same id', () => {
    const doc = docWith('a', 'b');
    assert.deepEqual(ids(doc), ['a', 'b']);
    assert.throws(() => addProfile(doc, profile('a')), { code: 'duplicate-profile' });
  });

  it('completes documents written before a field existed', () => {
    assert.deepEqual(normalizeDocument({ profiles: [profile('a')] }), { profiles: [profile('a')], deleted: null, conflicts: [] });
  });

  it('patches without changing the id or the other profiles, and leaves the input alone', () => {
    const doc = docWith('a', 'b');
    const next = patchProfile(doc, 'b', { projectId: 'p1', id: 'evil' });
    assert.deepEqual(next.profiles[1], profile('b', { projectId: 'p1' }));
    assert.equal(doc.profiles[1].projectId, undefined);
    assert.throws(() => patchProfile(doc, 'zz', {}), { code: 'no-profile' });
  });

  it('lets the user edit only name, region, provider, note and colour, with checks', () => {
    const doc = docWith('a');
    const edited = editProfile(doc, 'a', { name: ' Prod ', region: 'eu-west-0', provider: 'flexible-engine', note: 'n', colour: '#AA00ff' });
    assert.deepEqual(edited.profiles[0], profile('a', { name: 'Prod', region: 'eu-west-0', provider: 'flexible-engine', note: 'n', colour: '#AA00ff' }));
    assert.equal('region' in editProfile(edited, 'a', { region: '' }).profiles[0], false);
    assert.throws(() => editProfile(doc, 'a', { credentials: [] }), { code: 'not-editable' });
    assert.throws(() => editProfile(doc, 'a', { name: '  ' }), { code: 'bad-edit' });
    assert.throws(() => editProfile(doc, 'a', { provider: 'gcp' }), { code: 'bad-edit' });
    assert.throws(() => editProfile(doc, 'a', { colour: 'red;background:url(x)' }), { code: 'bad-edit' });
  });

  it('deletes with undo that puts the profile back where it was', () => {
    const doc = deleteProfile(docWith('a', 'b', 'c'), 'b', 1000);
    assert.deepEqual(ids(doc), ['a', 'c']);
    assert.deepEqual(ids(undoDelete(doc, 2000)), ['a', 'b', 'c']);
    assert.equal(undoDelete(doc, 2000).deleted, null);
    assert.throws(() => undoDelete(undoDelete(doc, 2000), 2000), { code: 'nothing-to-undo' });
  });

  it('forgets a deletion once the undo time has passed', () => {
    const doc = deleteProfile(docWith('a'), 'a', 0);
    assert.notEqual(forgetOldDeletion(doc, UNDO_MS).deleted, null);
    assert.equal(forgetOldDeletion(doc, UNDO_MS + 1).deleted, null);
    assert.throws(() => undoDelete(doc, UNDO_MS + 1), { code: 'nothing-to-undo' });
  });

  it('reorders only to a permutation of the profiles', () => {
    const doc = docWith('a', 'b', 'c');
    assert.deepEqual(ids(reorderProfiles(doc, ['c', 'a', 'b'])), ['c', 'a', 'b']);
    for (const bad of [['a', 'b'], ['a', 'b', 'b'], ['a', 'b', 'x'], ['a', 'b', 'c', 'd']]) {
      assert.throws(() => reorderProfiles(doc, bad), { code: 'bad-order' }, bad.join());
    }
  });

  it('keeps fields the core does not know across a core round trip', () => {
    const before = [profile('a', { fillHint: 'x' })];
    const after = [{ id: 'a', name: 'New', provider: 'huawei', credentials: [] }, profile('b')];
    assert.deepEqual(keepUnknownFields(before, after), [{ ...after[0], fillHint: 'x' }, profile('b')]);
  });

  it('settles a restore conflict either way', () => {
    const doc = { ...docWith('a'), conflicts: [{ existingId: 'a', incoming: profile('z', { note: 'backup' }), fields: ['id', 'note'] }] };
    assert.deepEqual(resolveConflict(doc, 0, 'mine'), docWith('a'));
    const theirs = resolveConflict(doc, 0, 'theirs');
    assert.deepEqual(theirs.profiles, [{ ...profile('z', { note: 'backup' }), id: 'a' }]); // the backup's content, the stored id
    assert.deepEqual(theirs.conflicts, []);
    assert.throws(() => resolveConflict(doc, 1, 'mine'), { code: 'no-conflict' });
  });
});
