import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real OCI registry for the update tests: Debian's `docker-registry` (Docker Distribution 2.8),
 * started on 127.0.0.1 on a free port with its own config and a temporary storage folder, and
 * stopped and removed by `stop()`. Its JSON access log (one `response completed` record per
 * request, written to stderr) tells what it actually sent: `blobBytesSent` sums the bytes of
 * blob GETs, the way the update measurement needs them.
 */
export interface LocalRegistry {
  /** `127.0.0.1:PORT` */
  host: string;
  dir: string;
  /** With `tls`: the self-signed certificate, for a client that should trust it. */
  certificate?: string;
  /** Every request record logged so far. */
  requests(): Promise<RegistryRequest[]>;
  stop(): Promise<void>;
}

export interface RegistryRequest {
  method: string;
  uri: string;
  status: number;
  /** Bytes of the response body the registry wrote. */
  written: number;
}

export interface RegistryOptions {
  /** Serve HTTPS with a fresh self-signed certificate (a registry podman must refuse to trust). */
  tls?: boolean;
  /** Require this user (htpasswd, bcrypt). */
  auth?: { user: string; password: string };
}

export async function requireRegistry(): Promise<void> {
  for (const tool of ['docker-registry', 'skopeo']) {
    try {
      await run('which', [tool]);
    } catch {
      throw new Error(
        `${tool} is not installed: install the test system packages with \`sudo scripts/install-system-deps.sh\`.`,
      );
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A bcrypt htpasswd line (Distribution accepts bcrypt only); libxcrypt makes it through python's crypt. */
async function htpasswdLine(user: string, password: string): Promise<string> {
  const { stdout } = await run('python3', [
    '-W',
    'ignore',
    '-c',
    'import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))',
    password,
  ]);
  return `${user}:${stdout.trim()}\n`;
}

function configYaml(dir: string, port: number, options: RegistryOptions): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: info',
    '  formatter: json',
    '  accesslog:',
    '    disabled: false',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${join(dir, 'storage')}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${port}`,
  ];
  if (options.tls) {
    lines.push('  tls:', `    certificate: ${join(dir, 'cert.pem')}`, `    key: ${join(dir, 'key.pem')}`);
  }
  if (options.auth) {
    lines.push('auth:', '  htpasswd:', '    realm: bootstick-test', `    path: ${join(dir, 'htpasswd')}`);
  }
  return `${lines.join('\n')}\n`;
}

async function waitUntilServing(host: string, tls: boolean, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `docker-registry exited (${child.exitCode}): ${await readFile(log, 'utf8').catch(() => '')}`,
      );
    }
    if ((await readFile(log, 'utf8').catch(() => '')).includes('"listening on')) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`docker-registry did not start serving on ${host}${tls ? ' (TLS)' : ''}`);
}

export async function startRegistry(options: RegistryOptions = {}): Promise<LocalRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'bootstick-registry-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  if (options.tls) {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
  }
  if (options.auth)
    await writeFile(join(dir, 'htpasswd'), await htpasswdLine(options.auth.user, options.auth.password));
  const config = join(dir, 'config.yml');
  await writeFile(config, configYaml(dir, port, options));
  const log = join(dir, 'registry.log');
  const { openSync, closeSync } = await import('node:fs');
  const fd = openSync(log, 'a');
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(host, options.tls === true, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host,
    dir,
    ...(options.tls ? { certificate: join(dir, 'cert.pem') } : {}),
    async requests() {
      const records: RegistryRequest[] = [];
      for (const line of (await readFile(log, 'utf8')).split('\n')) {
        if (!line.startsWith('{')) continue;
        const record = JSON.parse(line) as Record<string, unknown>;
        if (typeof record['http.request.uri'] !== 'string' || record['http.response.status'] === undefined)
          continue;
        records.push({
          method: String(record['http.request.method']),
          uri: record['http.request.uri'],
          status: Number(record['http.response.status']),
          written: Number(record['http.response.written'] ?? 0),
        });
      }
      return records;
    },
    stop,
  };
}

/** The bytes of blob GETs answered 200 since `since` requests, per digest (`/v2/<name>/blobs/<digest>`). */
export function blobBytesSent(requests: RegistryRequest[]): Map<string, number> {
  const sent = new Map<string, number>();
  for (const request of requests) {
    const blob = /^\/v2\/.+\/blobs\/(sha256:[a-f0-9]{64})$/.exec(request.uri);
    if (request.method !== 'GET' || request.status !== 200 || !blob?.[1]) continue;
    sent.set(blob[1], (sent.get(blob[1]) ?? 0) + request.written);
  }
  return sent;
}
