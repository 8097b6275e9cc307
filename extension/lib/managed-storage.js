// The organisation's managed policy as the browser holds it (storage.managed), read as it is: the
// core reads every key (src/policy/). No policy is `{}`, however the browser says so.

/**
 * `managed`: the `storage.managed` area. Chrome answers `{}` without a policy; Firefox rejects when
 * no policy names the extension; a browser without the area has no `managed` at all.
 */
export async function readManagedArea(managed) {
  try {
    return (await managed?.get()) ?? {};
  } catch {
    return {};
  }
}
