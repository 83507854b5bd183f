/**
 * Which builder (bootc-image-builder) images may run privileged: root decides, in
 * /etc/bootstick/builders.conf, one image name per line. A name without a tag allows every tag
 * and digest of that repository; a name with a tag allows that tag only. Pure rules, shared by
 * the helper (which enforces them) and main (which offers only what the helper will run).
 */

/** Where root lists the builder images; world-readable, root-owned. */
export const BUILDERS_CONF = '/etc/bootstick/builders.conf';

/** Used when root wrote no list: the official bootc-image-builder only. */
export const DEFAULT_BUILDERS = ['quay.io/centos-bootc/bootc-image-builder'];

/** `registry/path[:tag][@digest]` split; a bare image id has no repository. */
export function splitImageRef(
  ref: string,
): { repository: string; tag: string | null; digest: string | null } | null {
  if (/^[a-f0-9]{12,64}$/.test(ref)) return null;
  const at = ref.indexOf('@');
  const named = at === -1 ? ref : ref.slice(0, at);
  const digest = at === -1 ? null : ref.slice(at + 1);
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    repository: hasTag ? named.slice(0, colon) : named,
    tag: hasTag ? named.slice(colon + 1) : null,
    digest,
  };
}

/** The entries of a builders.conf text: comments (#) and blank lines skipped. */
export function parseBuildersConf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '');
}

/** Whether `ref` names an image root allows as a builder. An image id never does: name it. */
export function builderAllowed(ref: string, allowed: readonly string[]): boolean {
  const wanted = splitImageRef(ref);
  if (!wanted) return false;
  return allowed.some((entry) => {
    const rule = splitImageRef(entry);
    if (!rule || rule.repository !== wanted.repository) return false;
    return rule.tag === null || rule.tag === wanted.tag;
  });
}

/** Whether a name (say, a tag a container build would create) is one of the builders' repositories. */
export function namesBuilderRepository(ref: string, allowed: readonly string[]): boolean {
  const wanted = splitImageRef(ref);
  if (!wanted) return false;
  return allowed.some((entry) => splitImageRef(entry)?.repository === wanted.repository);
}
