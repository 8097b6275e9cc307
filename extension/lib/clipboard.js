// The optional permissions *Use in code* asks for, so the worker can clear a copied secret: reading
// the clipboard to compare it with what credfill copied needs `clipboardRead`, clearing it without a
// click `clipboardWrite`. The popup asks for them; the worker checks it holds them.
export const CLIPBOARD_PERMISSIONS = { permissions: ['clipboardRead', 'clipboardWrite'] };
