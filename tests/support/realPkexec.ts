import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './builtApp';
import { CONTAINERS_CONF } from './podman';

const run = promisify(execFile);

/** The unprivileged person the pkexec tests act as; made and removed by the tests. */
export const TEST_USER = 'bootstick-tester';
const RULE = '/etc/polkit-1/rules.d/49-bootstick-tests.rules';
const SYSTEM_BUS = '/run/dbus/system_bus_socket';
const BUS_PID_FILE = '/run/dbus/pid';
const POLKITD = '/usr/lib/polkit-1/polkitd';
/** Root's podman under pkexec has a cleared environment: this host's settings go in a drop-in. */
const PODMAN_DROP_IN = '/etc/containers/containers.conf.d/zz-bootstick-tests.conf';

export interface RealPkexec {
  user: { name: string; uid: number; gid: number; home: string };
  /** The app's folder as the test user reaches it: the checkout, or a copy when a parent is private. */
  appRoot: string;
  /** Runs `command` as the test user, as a person would from their own shell. */
  runAsUser(
    command: string,
    args: string[],
    env?: Record<string, string>,
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/**
 * Real pkexec with a real polkitd on a private system bus (Debian's dbus and polkitd; CI-HOST.md
 * records how): a polkit rule lets the test user run exactly this Node binary through pkexec with
 * no password and no agent, the way an admin's `auth_admin_keep` answer would. Everything started
 * or written here is undone by stop(): the daemons this started, the rule, the podman drop-in and
 * the user with their home.
 */
export async function startRealPkexec(): Promise<RealPkexec> {
  for (const tool of ['/usr/bin/pkexec', POLKITD, '/usr/bin/dbus-daemon']) {
    if (!existsSync(tool))
      throw new Error(`${tool} is missing: run scripts/install-system-deps.sh (CI does).`);
  }
  const undo: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step().catch(() => {});
  };
  try {
    const home = await mkdtemp(join(tmpdir(), 'bootstick-tester-home-'));
    undo.push(() => rm(home, { recursive: true, force: true }));
    await run('userdel', ['--force', TEST_USER]).catch(() => {}); // left by a run that crashed
    await run('useradd', [
      '--no-create-home',
      '--home-dir',
      home,
      '--shell',
      '/bin/sh',
      '--user-group',
      TEST_USER,
    ]);
    undo.push(() => run('userdel', ['--force', TEST_USER]));
    const idOf = async (flag: string) => Number((await run('id', [flag, TEST_USER])).stdout.trim());
    const uid = await idOf('-u');
    const gid = await idOf('-g');
    await run('chown', [`${uid}:${gid}`, home]);

    await mkdir('/etc/polkit-1/rules.d', { recursive: true });
    await writeFile(
      RULE,
      [
        '// Bootstick tests: lets the test user start the helper through pkexec, nothing else.',
        'polkit.addRule(function (action, subject) {',
        `  if (action.id == "org.freedesktop.policykit.exec" && subject.user == "${TEST_USER}" &&`,
        `      action.lookup("program") == "${process.execPath}") {`,
        '    return polkit.Result.YES;',
        '  }',
        '});',
        '',
      ].join('\n'),
      { mode: 0o644 },
    );
    undo.push(() => rm(RULE, { force: true }));

    await mkdir('/etc/containers/containers.conf.d', { recursive: true });
    await writeFile(PODMAN_DROP_IN, await readFile(CONTAINERS_CONF, 'utf8'), { mode: 0o644 });
    undo.push(() => rm(PODMAN_DROP_IN, { force: true }));

    if (!(await systemBusAnswers())) {
      await mkdir('/run/dbus', { recursive: true });
      // No bus answers, so a socket or pid file here is left from a bus that is gone.
      await rm(SYSTEM_BUS, { force: true });
      await rm(BUS_PID_FILE, { force: true });
      const { stdout } = await run('dbus-daemon', ['--system', '--fork', '--print-pid']);
      const busPid = Number(stdout.trim());
      undo.push(async () => {
        process.kill(busPid, 'SIGTERM');
        await waitForExit(busPid);
        await rm(SYSTEM_BUS, { force: true });
        await rm(BUS_PID_FILE, { force: true });
      });
    }
    // A desktop that runs its own polkitd keeps it (it reads the rule as soon as it is written).
    if (!(await polkitAnswers())) {
      const polkitd = spawn(POLKITD, ['--no-debug'], { stdio: 'ignore' });
      undo.push(async () => {
        polkitd.kill('SIGTERM');
        await new Promise((resolve) => polkitd.once('exit', resolve));
      });
      await waitForPolkit();
    }

    const appRoot = await appFolderFor();
    if (appRoot !== ROOT) undo.push(() => rm(appRoot, { recursive: true, force: true }));

    return {
      user: { name: TEST_USER, uid, gid, home },
      appRoot,
      async runAsUser(command, args, env = {}) {
        return run(
          'runuser',
          [
            '-u',
            TEST_USER,
            '--',
            'env',
            '-i',
            `HOME=${home}`,
            `PATH=${process.env.PATH}`,
            ...Object.entries(env).map(([key, value]) => `${key}=${value}`),
            command,
            ...args,
          ],
          {
            maxBuffer: 64 * 1024 * 1024,
            timeout: 300_000,
          },
        ).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({
            code: typeof error.code === 'number' ? error.code : -1,
            stdout: error.stdout ?? '',
            stderr: error.stderr ?? '',
          }),
        );
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitForExit(pid: number): Promise<void> {
  for (let tries = 0; tries < 50; tries += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function systemBusAnswers(): Promise<boolean> {
  if (!existsSync(SYSTEM_BUS)) return false;
  return run('dbus-send', [
    '--system',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/',
    'org.freedesktop.DBus.GetId',
  ]).then(
    () => true,
    () => false,
  );
}

/** polkitd owns org.freedesktop.PolicyKit1 on the bus once it can answer. */
function polkitAnswers(): Promise<boolean> {
  return run('dbus-send', [
    '--system',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/',
    'org.freedesktop.DBus.NameHasOwner',
    'string:org.freedesktop.PolicyKit1',
  ]).then(
    ({ stdout }) => stdout.includes('boolean true'),
    () => false,
  );
}

async function waitForPolkit(): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (await polkitAnswers()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('polkitd did not come up on the system bus within 15 s.');
}

/** What the CLI and the helper need at run time, relative to the app's folder. */
const APP_PARTS = ['package.json', 'bin', 'out', 'node_modules', 'native/block-io/build', 'resources'];

/**
 * The checkout when every folder above it lets others through (a clone in /tmp or /work), else a
 * copy of what runs (hard links where the filesystem allows) in a folder everyone may read: a
 * clone in root's 0700 home is not something an unprivileged person could start.
 */
async function appFolderFor(): Promise<string> {
  const reachable = await run('runuser', [
    '-u',
    TEST_USER,
    '--',
    'test',
    '-r',
    join(ROOT, 'out/main/cli.js'),
  ]).then(
    () => true,
    () => false,
  );
  if (reachable) return ROOT;
  const copy = await mkdtemp(join(tmpdir(), 'bootstick-app-'));
  await run('chmod', ['755', copy]);
  for (const part of APP_PARTS) {
    await mkdir(join(copy, part, '..'), { recursive: true });
    await run('cp', ['-al', join(ROOT, part), join(copy, part)]).catch(() =>
      run('cp', ['-a', join(ROOT, part), join(copy, part)]),
    );
  }
  return copy;
}
