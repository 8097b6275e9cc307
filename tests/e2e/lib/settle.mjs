// Waiting for a popup panel the worker fills in: read it until it is idle and shows what is awaited.
const TIMEOUT = 30_000;

/** Reads `read()` (a panel's state, `busy` while a step runs; null before it exists) until it is idle and `accept` holds. */
export async function settle(read, accept, what) {
  const end = Date.now() + TIMEOUT;
  let last;
  while (Date.now() < end) {
    last = await read();
    if (last && !last.busy && accept(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not settle: ${JSON.stringify({ ...last, page: undefined })}`);
}
