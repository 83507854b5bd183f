/** Why skopeo or podman could not talk to a registry, from the words containers/image prints. */
export type RegistryFailure = 'notFound' | 'unreachable' | 'tls' | 'unauthorized' | 'other';

/**
 * Sorted by what a person must do next: a missing tag, a registry that is down, a certificate (or a
 * plain-HTTP registry asked over HTTPS), credentials. The patterns are containers/image's own
 * messages (docker/docker_client.go, docker/errors.go) as skopeo 1.9 and podman 4.3 print them.
 */
export function classifyRegistryFailure(stderr: string): RegistryFailure {
  const text = stderr.toLowerCase();
  // A 401 only as an HTTP status: a bare "401" also matches a registry on port 40167.
  if (
    /unauthorized|authentication required|denied|invalid username\/password|(?:http code|status(?: code)?):? 401\b/.test(
      text,
    )
  ) {
    return 'unauthorized';
  }
  if (/x509:|certificate|tls:|server gave http response to https client/.test(text)) return 'tls';
  if (/connection refused|no such host|network is unreachable|i\/o timeout|no route to host/.test(text)) {
    return 'unreachable';
  }
  if (/manifest unknown|name unknown|not found|does not resolve to an image|image not known/.test(text)) {
    return 'notFound';
  }
  return 'other';
}

/** The last meaningful line of a containers/image error, without logrus's `time=… level=fatal msg=`. */
export function failureDetail(stderr: string): string {
  const lines = stderr.trim().split('\n').filter(Boolean);
  const last = lines.at(-1) ?? '';
  const msg = /msg="((?:[^"\\]|\\.)*)"/.exec(last);
  const text = msg?.[1] ? msg[1].replace(/\\"/g, '"') : last.replace(/^Error:\s*/, '');
  return text.slice(0, 400);
}
