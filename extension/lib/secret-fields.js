// The credential fields that are secrets: masked in the UI, never sent to pages by the worker.
export const SECRET_FIELDS = new Set(['secretAccessKey', 'securityToken', 'apiKey', 'clientSecret', 'password']);
