/** crypt(3) hashes ($1$, $2b$, $5$, $6$, $y$, $gy$, $7$): a hash is as good as a password offline. */
const CRYPT_HASH = /\$(?:1|2[abxy]?|5|6|7|y|gy)\$[./A-Za-z0-9$=,]+/g;

/** `password: "…"`, `"password":"…"`, `password = '…'`, `token=…` — whatever quoting is used. */
const SECRET_FIELD =
  /(["']?\b(?:password|passwd|passphrase|secret|token|private[_-]?key)\b["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;}\]]+)/gi;

/** A PEM private key block, whole. */
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/**
 * Removes what must never reach a log file: password hashes, password/secret fields and private
 * keys. A backstop — main never logs call inputs in the first place (dispatchCall logs only the
 * call's name and the error), but an error message can quote what it was given.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(PRIVATE_KEY, '[redacted private key]')
    .replace(SECRET_FIELD, '$1[redacted]')
    .replace(CRYPT_HASH, '[redacted hash]');
}
