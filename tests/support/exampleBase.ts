import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureBusyboxBase, once, REPOSITORY, sha256, withTempDir } from './baseImages';
import { buildFixtureImage, isFixtureCurrent } from './podman';

/**
 * A stand-in for a bootc base image, so the shipped example Containerfiles build here without a
 * registry or a network: busybox plus tiny `curl`, `dnf`, `systemctl` and `bootc` scripts that
 * print what they would do. The `slow` one's `dnf install` sleeps, so a build can be cancelled
 * in the middle of a step. Use it as the example's BASE_IMAGE build argument.
 */

/** What the slow stand-in's dnf prints before it sleeps: the build is mid-step from then on. */
export const SLOW_STEP_MARKER = 'stand-in dnf: installing slowly';

const STUBS: Record<string, string> = {
  curl: [
    '#!/bin/sh',
    '# curl stand-in: writes a placeholder where -o points, fetches nothing.',
    'out=""; url=""',
    'while [ $# -gt 0 ]; do case "$1" in -o) out="$2"; shift 2;; -*) shift;; *) url="$1"; shift;; esac; done',
    'echo "stand-in curl: $url"',
    'if [ -n "$out" ]; then mkdir -p "$(dirname "$out")" && echo "# from $url" > "$out"; fi',
    'exit 0',
  ].join('\n'),
  dnf: [
    '#!/bin/sh',
    'case "$*" in',
    '  *install*)',
    '    if [ -e /etc/bootstick-standin-slow ]; then echo "stand-in dnf: installing slowly"; sleep 120; fi',
    '    echo "stand-in dnf: installed $*";;',
    '  *) echo "stand-in dnf: $*";;',
    'esac',
  ].join('\n'),
  systemctl: '#!/bin/sh\necho "stand-in systemctl: $*"\n',
  bootc: '#!/bin/sh\necho "stand-in bootc: $* (checks passed)"\n',
};

export function ensureExampleBase(pace: 'fast' | 'slow'): Promise<string> {
  return once(`example-base:${pace}`, async () => {
    const base = await ensureBusyboxBase();
    const containerfile = [
      `FROM ${base}`,
      'COPY stubs/ /usr/bin/',
      ...(pace === 'slow' ? ['RUN touch /etc/bootstick-standin-slow'] : []),
      'LABEL containers.bootc=1',
      '',
    ].join('\n');
    const hash = await sha256([containerfile, ...Object.entries(STUBS).flat()]);
    const ref = `${REPOSITORY}/example-base:${pace}-${hash.slice(0, 12)}`;
    if (await isFixtureCurrent(ref, hash)) return ref;
    await withTempDir(async (dir) => {
      await mkdir(join(dir, 'stubs'));
      for (const [name, script] of Object.entries(STUBS)) {
        await writeFile(join(dir, 'stubs', name), `${script}\n`, { mode: 0o755 });
      }
      await writeFile(join(dir, 'Containerfile'), containerfile);
      await buildFixtureImage(dir, ref, hash);
    });
    return ref;
  });
}
