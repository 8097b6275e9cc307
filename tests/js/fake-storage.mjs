// An in-memory stand-in for a WebExtension StorageArea (get/set/remove with the same key forms),
// which can be told to die before its n-th write — what a stopped worker looks like from storage.
export class FakeStorage {
  constructor(items = {}) {
    this.items = structuredClone(items);
    this.writesLeft = Infinity;
  }

  /** The next `n` writes succeed; every one after that throws, as if the worker had stopped. */
  dieAfterWrites(n) {
    this.writesLeft = n;
  }

  #write() {
    if (this.writesLeft <= 0) throw new Error('worker stopped');
    this.writesLeft -= 1;
  }

  async get(keys) {
    const names = keys == null ? Object.keys(this.items) : [keys].flat();
    return structuredClone(Object.fromEntries(names.filter((k) => k in this.items).map((k) => [k, this.items[k]])));
  }

  async set(entries) {
    this.#write();
    Object.assign(this.items, structuredClone(entries));
  }

  async remove(keys) {
    this.#write();
    for (const k of [keys].flat()) delete this.items[k];
  }
}
