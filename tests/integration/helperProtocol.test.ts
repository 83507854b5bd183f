import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { DriveView } from '../../src/shared/drives/driveView';
import type { HelperResponse } from '../../src/shared/helperProtocol';
import { BUILT } from '../support/builtApp';
import { createLoopDevices } from '../support/loopDevices';

const loops = createLoopDevices();
let helper: ChildProcessWithoutNullStreams | null = null;

/** Starts the built helper as the app will (already root here) and talks JSON lines to it. */
function startHelper() {
  const child = spawn(process.execPath, [BUILT.helper], { stdio: 'pipe' });
  helper = child;
  const responses: HelperResponse[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    responses.push(JSON.parse(line) as HelperResponse);
    waiters.shift()?.();
  });
  return {
    child,
    async send(line: string): Promise<HelperResponse> {
      const done = new Promise<void>((resolve) => waiters.push(resolve));
      child.stdin.write(`${line}\n`);
      await done;
      return responses.at(-1) as HelperResponse;
    },
  };
}

afterEach(() => {
  helper?.kill('SIGKILL');
  helper = null;
});
afterAll(() => loops.cleanup());

describe('the privileged helper protocol', () => {
  it('answers hello with its protocol version and that it runs as root', async () => {
    const { send, child } = startHelper();
    expect(await send(JSON.stringify({ id: 1, method: 'hello' }))).toEqual({
      id: 1,
      ok: true,
      result: { protocol: 1, uid: 0, pid: child.pid },
    });
  });

  it('enumerates drives itself, including a loop device when virtual drives are asked for', async () => {
    const loop = await loops.attach(24 * 1024 * 1024);
    const { send } = startHelper();
    const withVirtual = await send(
      JSON.stringify({ id: 2, method: 'listDrives', params: { includeVirtual: true } }),
    );
    expect(withVirtual.ok).toBe(true);
    const drives = (withVirtual as { result: DriveView[] }).result;
    expect(drives.find((drive) => drive.path === loop.path)?.verdict.status).toBe('selectable');
    const without = await send(
      JSON.stringify({ id: 3, method: 'listDrives', params: { includeVirtual: false } }),
    );
    expect((without as { result: DriveView[] }).result.map((drive) => drive.path)).not.toContain(loop.path);
  });

  it.each([
    ['not JSON', 'flash /dev/sda please', null],
    [
      'an unknown method',
      JSON.stringify({ id: 4, method: 'runCommand', params: { argv: ['rm', '-rf', '/'] } }),
      4,
    ],
    ['an extra key', JSON.stringify({ id: 5, method: 'hello', asUser: 'root' }), 5],
    [
      'a wrong parameter type',
      JSON.stringify({ id: 6, method: 'listDrives', params: { includeVirtual: 'yes' } }),
      6,
    ],
    ['a missing id', JSON.stringify({ method: 'hello' }), null],
  ])('refuses %s with a reason and keeps serving', async (_, line, id) => {
    const { send } = startHelper();
    const response = await send(line);
    expect(response).toMatchObject({ id, ok: false, error: { code: 'badRequest' } });
    if (!response.ok) expect(response.error.message).toMatch(/not valid JSON|refused/);
    expect(await send(JSON.stringify({ id: 9, method: 'hello' }))).toMatchObject({ id: 9, ok: true });
  });

  it('exits on its own as soon as its parent closes its stdin', async () => {
    const { child } = startHelper();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
  });
});
