/**
 * Marks of a private key pasted where a public one belongs: PEM (PKCS#1/#8, encrypted or not,
 * RSA/EC/DSA/OpenSSH), PuTTY .ppk, SSH.com (RFC 4716) private keys, and the base64 body of an
 * OpenSSH private key pasted without its BEGIN/END lines ("openssh-key-v1\0" encodes to
 * b3BlbnNzaC1rZXktdjEA). Checked everywhere a key is accepted, before anything is kept.
 */
const PRIVATE_KEY_MARKS = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
  /PuTTY-User-Key-File-[0-9]+:/,
  /---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----/,
  /b3BlbnNzaC1rZXktdjEA/,
];

export function looksLikePrivateKey(keyText: string): boolean {
  return PRIVATE_KEY_MARKS.some((mark) => mark.test(keyText));
}

export const PRIVATE_KEY_MESSAGE =
  'This is a PRIVATE SSH key. It was not kept: a private key must never leave your computer. ' +
  'Paste the PUBLIC key instead: the one-line contents of the .pub file (e.g. ~/.ssh/id_ed25519.pub), ' +
  'starting with ssh-ed25519, ssh-rsa or ecdsa-sha2-….';
