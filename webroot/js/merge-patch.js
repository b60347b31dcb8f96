// JSON merge patches (RFC 7386), as the server's patch frames carry them: the topic store in
// client.js applies them; docs/PROTOCOL.md ("Patch frames") has the contract.

/**
 * `patch` applied to `target` as RFC 7386 says: members replace, null deletes, arrays replace
 * whole. A new object along the changed paths; what did not change is shared, nothing is modified.
 */
export function mergePatch(target, patch) {
  if (!isObject(patch)) return patch;
  const result = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
