// The Web types wasm-bindgen's glue names in pkg/credfill.d.ts (what `init` accepts), opaque here:
// the core's declarations are checked without the DOM's, so a type the core forgot to declare
// (`Document`, `Credential`: both names of the DOM) fails instead of meaning the DOM's.
type BufferSource = unknown;
type RequestInfo = unknown;
type Response = unknown;
type URL = unknown;
declare namespace WebAssembly {
  type Module = unknown;
  type Memory = unknown;
  type Table = unknown;
}
