import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QmpClient } from '../../src/core/bootTest/qmpClient';

/**
 * The QMP client against a QMP server that misbehaves, as a QEMU taken over by its guest could:
 * a real Unix socket, the server side played by `behave`. Whatever it does, a command fails in
 * bounded time instead of leaving the helper waiting on it.
 */
const servers: { server: Server; dir: string }[] = [];
afterEach(async () => {
  for (const { server, dir } of servers.splice(0)) {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  }
});

async function qmpServer(behave: (socket: Socket) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-qmp-'));
  const path = join(dir, 'qmp.sock');
  // The client hangs up on a misbehaving server mid-write: that is the point, not an error here.
  const server = createServer((socket) => {
    socket.on('error', () => {});
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(path, resolve));
  servers.push({ server, dir });
  return path;
}

const GREETING = '{"QMP": {"version": {}, "capabilities": []}}\n';
/** Answers qmp_capabilities, then hands every further command line to `onCommand`. */
const negotiating = (onCommand: (socket: Socket, line: string) => void) => (socket: Socket) => {
  socket.write(GREETING);
  let first = true;
  socket.on('data', (data) => {
    for (const line of data.toString().split('\n').filter(Boolean)) {
      if (first) {
        first = false;
        socket.write('{"return": {}}\n');
      } else onCommand(socket, line);
    }
  });
};

describe('QmpClient against a misbehaving server', () => {
  it('answers a well-behaved server, events skipped', async () => {
    const path = await qmpServer(
      negotiating((socket) => socket.write('{"event": "RESET"}\n{"return": {"status": "running"}}\n')),
    );
    const client = await QmpClient.open(path, 500);
    expect(await client.execute('query-status')).toEqual({ status: 'running' });
    client.close();
  });

  it('gives up on a server that never greets', async () => {
    const path = await qmpServer(() => {});
    await expect(QmpClient.open(path, 300)).rejects.toThrow('QMP socket closed');
  });

  it('gives up on a command never answered', async () => {
    const path = await qmpServer(negotiating(() => {}));
    const client = await QmpClient.open(path, 300);
    await expect(client.execute('screendump', { filename: 'x' })).rejects.toThrow('QMP socket closed');
    // And any command after it fails at once: the connection is gone.
    await expect(client.execute('query-block')).rejects.toThrow('QMP socket closed');
  });

  it('closes on a line that is not JSON, and on a line without end', async () => {
    const garbage = await qmpServer(negotiating((socket) => socket.write('}{ not json\n')));
    const client = await QmpClient.open(garbage, 2000);
    await expect(client.execute('query-block')).rejects.toThrow('QMP socket closed');

    const endless = await qmpServer(
      negotiating((socket) => {
        const chunk = 'x'.repeat(64 * 1024);
        for (let sent = 0; sent < 40; sent += 1) socket.write(chunk);
      }),
    );
    const second = await QmpClient.open(endless, 2000);
    await expect(second.execute('query-block')).rejects.toThrow('QMP socket closed');
  });
});
