import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { repositoryOf } from '../../shared/updates/imageSpec';
import type { PushFailure, PushRequest, PushResult } from '../../shared/updates/pushImage';
import { classifyRegistryFailure, failureDetail } from '../../shared/updates/registryFailure';
import type { JobRegistry } from '../jobRegistry';
import { type LineSink, streamChildLines } from '../podman/streamChildLines';
import { helperCaller } from '../safety/caller';
import { callerFs } from '../safety/callerFs';
import { createPrivateJobFolder } from '../safety/privateJobFolder';
import { AuthFileUnreadable, privateAuthFile } from './callerAuthFile';

const TAIL_LINES = 20;

function failed(failure: PushFailure, detail: string | null, tail: string[], cancelled = false): PushResult {
  return {
    ok: false,
    cancelled,
    failure: cancelled ? null : failure,
    detail,
    digest: null,
    movedTag: false,
    tail,
  };
}

/**
 * Publishes a version from root's storage: `podman push` to the version's reference (TLS verified
 * unless the person marked the registry insecure; their own credentials, copied privately for this
 * push), then `skopeo copy` of that exact digest to the moving tag. The moving tag is touched only
 * after the version is complete in the registry, and a manifest PUT is all-or-nothing, so it never
 * points at a half-pushed version. The argv is built here from typed fields.
 */
export async function pushImage(
  request: PushRequest,
  registry: JobRegistry,
  sink: LineSink,
): Promise<PushResult> {
  const tail: string[] = [];
  const emit = (stream: 'stdout' | 'stderr', line: string) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    sink.emit({ jobId: request.jobId, stream, line });
  };
  const exists = await execa('podman', ['image', 'exists', request.image], {
    reject: false,
    stdin: 'ignore',
  });
  if (exists.exitCode !== 0) return failed('unknownImage', null, tail);

  let auth: { path: string; dispose(): Promise<void> } | null = null;
  const work = await createPrivateJobFolder('configs', `${request.jobId}-push`);
  let cancelled = false;
  let current: ReturnType<typeof execa> | null = null;
  registry.add(
    request.jobId,
    new Map([
      [
        'push',
        {
          cancel: () => {
            cancelled = true;
            current?.kill('SIGTERM');
          },
        },
      ],
    ]),
  );
  try {
    if (request.authFile) {
      try {
        auth = await privateAuthFile(request.authFile, callerFs(await helperCaller()), request.jobId);
      } catch (error) {
        if (error instanceof AuthFileUnreadable) return failed('authFileUnreadable', error.message, tail);
        throw error;
      }
    }
    const tls = `--tls-verify=${request.insecure ? 'false' : 'true'}`;
    const authArgs = auth ? ['--authfile', auth.path] : [];
    const digestFile = join(work.path, 'digest');
    const run = async (command: string, args: string[]) => {
      if (cancelled) return { exitCode: 1 };
      current = execa(command, args, { reject: false, buffer: false, stdin: 'ignore' });
      const [result] = await Promise.all([current, streamChildLines(current, emit, sink)]);
      current = null;
      return result;
    };
    const pushed = await run('podman', [
      'push',
      tls,
      ...authArgs,
      '--digestfile',
      digestFile,
      request.image,
      request.destination,
    ]);
    if (cancelled) return failed('other', null, tail, true);
    if (pushed.exitCode !== 0) {
      const words = tail.join('\n');
      return failed(classifyRegistryFailure(words), failureDetail(words), tail);
    }
    const digest = (await readFile(digestFile, 'utf8')).trim();
    if (!request.movingTag) {
      return { ok: true, cancelled: false, failure: null, detail: null, digest, movedTag: false, tail };
    }
    const repository = repositoryOf(request.destination);
    const moved = await run('skopeo', [
      'copy',
      ...authArgs,
      `--src-${tls.slice(2)}`,
      `--dest-${tls.slice(2)}`,
      `docker://${repository}@${digest}`,
      `docker://${repository}:${request.movingTag}`,
    ]);
    if (cancelled) return { ...failed('other', null, tail, true), digest };
    if (moved.exitCode !== 0) {
      const words = tail.join('\n');
      return { ...failed(classifyRegistryFailure(words), failureDetail(words), tail), digest };
    }
    return { ok: true, cancelled: false, failure: null, detail: null, digest, movedTag: true, tail };
  } finally {
    registry.remove(request.jobId);
    await auth?.dispose();
    await work.dispose();
  }
}
