// The document sealed in the vault, and every change the popup and the options page can make to
// it, as pure functions (document in, new document out). The worker seals the result.
//
// { profiles: [...],                                in the user's order
//   deleted: { profile, index, at } | null,         the last deletion, kept (encrypted) for undo
//   conflicts: [{ existingId, incoming, fields }] } backup profiles waiting for the user's choice

export const PROVIDERS = ['huawei', 'flexible-engine', 'ibm', 'aws', 'azure'];
/** What the user edits in the popup; everything else comes from imports and checks. */
export const EDITABLE_FIELDS = ['name', 'region', 'provider', 'note', 'colour'];
/** How long a deleted profile can be brought back. */
export const UNDO_MS = 5 * 60 * 1000;

const fail = (code, message) => {
  throw { code, message };
};

export function emptyDocument() {
  return { profiles: [], deleted: null, conflicts: [] };
}

/** A document read from the vault, completed with the fields older documents lack. */
export function normalizeDocument(doc) {
  return { ...emptyDocument(), ...doc };
}

function indexOf(doc, id) {
  const index = doc.profiles.findIndex((p) => p.id === id);
  if (index < 0) fail('no-profile', 'No such profile.');
  return index;
}

export function findProfile(doc, id) {
  return doc.profiles[indexOf(doc, id)];
}

export function addProfile(doc, profile) {
  if (doc.profiles.some((p) => p.id === profile.id)) fail('duplicate-profile', 'A profile with this id exists.');
  return { ...doc, profiles: [...doc.profiles, profile] };
}

/** Shallow-merges `patch` into one profile; its id never changes. */
export function patchProfile(doc, id, patch) {
  const index = indexOf(doc, id);
  const profiles = doc.profiles.with(index, { ...doc.profiles[index], ...patch, id });
  return { ...doc, profiles };
}

/** A user's edit: only EDITABLE_FIELDS, each checked; an empty region or note removes it. */
export function editProfile(doc, id, edits) {
  const patch = {};
  for (const [field, value] of Object.entries(edits)) {
    if (!EDITABLE_FIELDS.includes(field)) fail('not-editable', `${field} cannot be edited.`);
    if (typeof value !== 'string') fail('bad-edit', `${field} must be text.`);
    patch[field] = value.trim();
  }
  if ('name' in patch && !patch.name) fail('bad-edit', 'A profile needs a name.');
  if ('provider' in patch && !PROVIDERS.includes(patch.provider)) fail('bad-edit', 'Unknown provider.');
  if ('colour' in patch && patch.colour && !/^#[0-9a-f]{6}$/i.test(patch.colour)) fail('bad-edit', 'A colour is #rrggbb.');
  const next = patchProfile(doc, id, patch);
  const profile = { ...findProfile(next, id) };
  for (const field of ['region', 'note', 'colour']) if (profile[field] === '') delete profile[field];
  return { ...next, profiles: next.profiles.with(indexOf(next, id), profile) };
}

/** Removes a profile; it can be brought back with undoDelete until UNDO_MS have passed or another is deleted. */
export function deleteProfile(doc, id, nowMs) {
  const index = indexOf(doc, id);
  return {
    ...doc,
    profiles: doc.profiles.toSpliced(index, 1),
    deleted: { profile: doc.profiles[index], index, at: nowMs },
  };
}

export function undoDelete(doc, nowMs) {
  const { deleted } = forgetOldDeletion(doc, nowMs);
  if (!deleted) fail('nothing-to-undo', 'Nothing to undo.');
  if (doc.profiles.some((p) => p.id === deleted.profile.id)) fail('duplicate-profile', 'The profile is back already.');
  const at = Math.min(deleted.index, doc.profiles.length);
  return { ...doc, profiles: doc.profiles.toSpliced(at, 0, deleted.profile), deleted: null };
}

/** Drops a deletion past its undo time, so the deleted secret leaves the vault at the next write. */
export function forgetOldDeletion(doc, nowMs) {
  return doc.deleted && nowMs - doc.deleted.at > UNDO_MS ? { ...doc, deleted: null } : doc;
}

/** `ids` must name every profile once: the new order. */
export function reorderProfiles(doc, ids) {
  const byId = new Map(doc.profiles.map((p) => [p.id, p]));
  if (ids.length !== byId.size || new Set(ids).size !== ids.length || !ids.every((id) => byId.has(id))) {
    fail('bad-order', 'The new order must list every profile once.');
  }
  return { ...doc, profiles: ids.map((id) => byId.get(id)) };
}

/**
 * The core works on the profile fields it knows; fields other capabilities added (unknown to it)
 * are carried over from `before` so a core round trip never loses them.
 */
export function keepUnknownFields(before, after) {
  const old = new Map(before.map((p) => [p.id, p]));
  return after.map((p) => ({ ...old.get(p.id), ...p }));
}

/** Settles one conflict from a restore: keep the stored profile ('mine') or take the backup's ('theirs'). */
export function resolveConflict(doc, index, choice) {
  const conflict = doc.conflicts[index];
  if (!conflict) fail('no-conflict', 'No such conflict.');
  if (!['mine', 'theirs'].includes(choice)) fail('bad-choice', 'Choose mine or theirs.');
  const conflicts = doc.conflicts.toSpliced(index, 1);
  if (choice === 'mine') return { ...doc, conflicts };
  const at = indexOf(doc, conflict.existingId);
  return { ...doc, conflicts, profiles: doc.profiles.with(at, { ...conflict.incoming, id: conflict.existingId }) };
}
