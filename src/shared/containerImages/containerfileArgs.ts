/**
 * The build arguments a Containerfile declares (`ARG NAME` or `ARG NAME=default`), in order, so
 * the Image step can offer them with their defaults. Only the forms podman documents; quoted
 * defaults lose their quotes, and a line continued with `\` is read as one.
 */
export function containerfileArgs(text: string): { name: string; value: string }[] {
  const found = new Map<string, string>();
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of lines) {
    const rest = /^\s*ARG\s+(.+)$/i.exec(line)?.[1];
    if (!rest) continue;
    for (const [, name = '', value = ''] of rest.matchAll(
      /([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g,
    )) {
      if (!found.has(name)) found.set(name, value.replace(/^(["'])(.*)\1$/, '$2'));
    }
  }
  return [...found].map(([name, value]) => ({ name, value }));
}

/** `KEY=VALUE` lines as a person edits them → build arguments; blank lines and `#` comments are skipped. */
export function parseBuildArgLines(
  text: string,
): { ok: true; args: Record<string, string> } | { ok: false; line: number } {
  const args: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const name = at < 0 ? line : line.slice(0, at).trim();
    if (at < 0 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return { ok: false, line: index + 1 };
    args[name] = line.slice(at + 1).trim();
  }
  return { ok: true, args };
}

/** Build arguments back as `KEY=VALUE` lines. */
export function buildArgLines(args: { name: string; value: string }[]): string {
  return args.map(({ name, value }) => `${name}=${value}`).join('\n');
}
