import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { HelperClient } from '../../src/core/privileged/helperClient';
import type { JobResult } from '../../src/shared/flash';
import { flashWithEtcherSdk } from './etcherReference';

const run = promisify(execFile);

export interface Target {
  path: string;
  size: number;
}

export interface Contender {
  name: string;
  /** Untimed, right before each run. */
  before?(image: string): Promise<void>;
  flash(image: string, imageSize: number, targets: Target[]): Promise<void>;
}

/** Bootstick: the real helper, sparse-aware, verifying by reading back. */
export function bootstick(helper: HelperClient): Contender {
  let counter = 0;
  return {
    name: 'bootstick',
    async flash(image, _size, targets) {
      const result = (await helper.call({
        method: 'flash',
        params: {
          jobId: `bench-${++counter}`,
          image,
          drives: targets.map((target) => target.path),
          options: { verify: true, full: false, includeVirtual: true, eject: false },
        },
      })) as JobResult;
      const failed = result.drives.filter((drive) => drive.status !== 'verified');
      if (failed.length > 0) throw new Error(`bootstick failed: ${JSON.stringify(failed)}`);
    },
  };
}

/**
 * Bootstick flashing an image for the first time in its helper's run: the image is touched
 * first (a new ctime), so the helper's hash cache does not know it and the audit SHA-256 of the
 * whole image is taken during the job.
 */
export function bootstickFirstFlash(helper: HelperClient): Contender {
  const inner = bootstick(helper);
  return {
    name: 'bootstick first',
    before: async (image) => {
      await run('touch', [image]);
    },
    flash: inner.flash,
  };
}

/**
 * What the kernel alone costs: dd writes every byte with O_DIRECT, then dd reads every byte back
 * with O_DIRECT into /dev/null. Nothing is hashed or compared, so no writer that reads each drive
 * back can take less; its four-versus-one ratio is this host's floor for that target.
 */
export const kernelFloor: Contender = {
  name: 'kernel floor',
  async flash(image, size, targets) {
    await Promise.all(
      targets.map(async (target) => {
        await run('dd', [`if=${image}`, `of=${target.path}`, 'bs=4M', 'oflag=direct', 'status=none']);
        const blocks = String(Math.ceil(size / (4 * 1024 * 1024)));
        await run('dd', [
          `if=${target.path}`,
          'of=/dev/null',
          'bs=4M',
          `count=${blocks}`,
          'iflag=direct',
          'status=none',
        ]);
      }),
    );
  },
};

/** dd with 4 MiB direct writes, then cmp reads every byte back: the classic by-hand way. */
export const ddThenCompare: Contender = {
  name: 'dd+cmp',
  async flash(image, size, targets) {
    await Promise.all(
      targets.map((target) =>
        run('dd', [`if=${image}`, `of=${target.path}`, 'bs=4M', 'oflag=direct', 'status=none']),
      ),
    );
    await Promise.all(targets.map((target) => run('cmp', ['-n', String(size), image, target.path])));
  },
};

export const etcherSdk: Contender = {
  name: 'etcher-sdk',
  flash: (image, _size, targets) => flashWithEtcherSdk(image, targets),
};

/** bmaptool copy with a bmap made beforehand (not timed): writes mapped blocks, checks their SHA-256. */
export const bmaptool: Contender = {
  name: 'bmaptool',
  async flash(image, _size, targets) {
    await Promise.all(
      targets.map((target) => run('bmaptool', ['-q', 'copy', '--bmap', `${image}.bmap`, image, target.path])),
    );
  },
};

export async function makeBmap(image: string): Promise<void> {
  await run('bmaptool', ['-q', 'create', '-o', `${image}.bmap`, image]);
}
