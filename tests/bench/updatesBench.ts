/**
 * `npm run bench`, updates part: the time of `bootstick update diff` for two local versions and
 * for two registry versions, each against reading the same manifests and configs by hand with
 * skopeo; and `bootstick push` of a ~64 MB layer against `podman push` of the same image by hand,
 * each into a fresh docker-registry (a registry that already holds the blobs would skip them).
 * Ratios from this one run. Needs root (rootful podman), docker-registry, skopeo and a build.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { requireBuild } from '../support/builtApp';
import { requireRegistry, startRegistry } from '../support/localRegistry';
import { CONTAINERS_CONF, podman } from '../support/podman';
import { requirePodman } from '../support/podmanFixtures';
import { runCli } from '../support/runCli';
import { MiB } from '../support/units';
import { buildUpdateImages } from '../support/updateImages';

const run = promisify(execFile);
const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(body: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await body();
  return (performance.now() - start) / 1000;
}

async function main(): Promise<void> {
  requireBuild();
  await requirePodman();
  await requireRegistry();
  const scratch = await mkdtemp(join(tmpdir(), 'bootstick-updates-bench-'));
  const noLogins = join(scratch, 'no-logins.json');
  await writeFile(noLogins, '{"auths":{}}');
  const env = { CONTAINERS_CONF, REGISTRY_AUTH_FILE: noLogins };
  const bootstick = async (...args: string[]) => {
    const result = await runCli(args, env);
    if (result.code !== 0) throw new Error(`bootstick ${args.join(' ')}: ${result.stderr.slice(-400)}`);
  };
  const images = await buildUpdateImages();
  // One to read from, and a fresh one for every push (order A B B A, so a warm cache favours neither).
  const registries = await Promise.all(Array.from({ length: 5 }, () => startRegistry()));
  const [store, ...fresh] = registries;
  if (!store || fresh.length !== 4) throw new Error('no registry');
  const big = `localhost/bootstick-test/update-bench-${randomBytes(4).toString('hex')}:1`;
  try {
    const remote = (name: string) => `${store.host}/bench/os:${name}`;
    await bootstick('push', images.v1, remote('1'), '--insecure', '--no-moving-tag');
    await bootstick('push', images.v2, remote('2'), '--insecure', '--no-moving-tag');

    const skopeoByHand = async (refs: string[], extra: string[]) => {
      for (const ref of refs) {
        await run('skopeo', ['inspect', '--raw', ...extra, ref]);
        await run('skopeo', ['inspect', '--config', ...extra, ref]);
      }
    };
    const rows: Array<[string, number, number]> = [];
    for (const [label, from, to, refs, extra] of [
      [
        'update diff, two local versions',
        `containers-storage:${images.v1}`,
        `containers-storage:${images.v2}`,
        [`containers-storage:${images.v1}`, `containers-storage:${images.v2}`],
        [],
      ],
      [
        'update diff, two registry versions',
        `docker://${remote('1')}`,
        `docker://${remote('2')}`,
        [`docker://${remote('1')}`, `docker://${remote('2')}`],
        ['--tls-verify=false'],
      ],
    ] as const) {
      const ours: number[] = [];
      const reference: number[] = [];
      for (let index = 0; index < RUNS; index += 1) {
        ours.push(await timed(() => bootstick('update', 'diff', from, to, '--insecure', '--json')));
        reference.push(await timed(() => skopeoByHand([...refs], [...extra])));
      }
      rows.push([label, median(ours), median(reference)]);
    }

    // A layer worth measuring: 64 MB that gzip cannot shrink.
    const context = join(scratch, 'big');
    await run('mkdir', ['-p', context]);
    await writeFile(join(context, 'payload.bin'), randomBytes(64 * MiB));
    await writeFile(
      join(context, 'Containerfile'),
      `FROM ${images.v1}\nCOPY payload.bin /usr/share/payload.bin\n`,
    );
    await podman(['build', '--quiet', '--tag', big, context], { timeoutMs: 600_000 });
    const pushOurs: number[] = [];
    const pushHand: number[] = [];
    for (const [index, registry] of fresh.entries()) {
      const target = `${registry.host}/bench/big:1`;
      if (index === 0 || index === 3) {
        pushOurs.push(await timed(() => bootstick('push', big, target, '--insecure', '--no-moving-tag')));
      } else {
        pushHand.push(
          await timed(() => podman(['push', '--tls-verify=false', big, target], { timeoutMs: 600_000 })),
        );
      }
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    rows.push(['push of a 64 MiB layer (bootstick push vs podman push)', mean(pushOurs), mean(pushHand)]);
    const cliStart: number[] = [];
    for (let index = 0; index < RUNS; index += 1) cliStart.push(await timed(() => bootstick('--help')));

    console.log('\nUpdates (median of %d runs; two pushes each, A B B A)', RUNS);
    console.log('| what | Bootstick s | by hand s | ratio |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [label, ours, reference] of rows) {
      console.log(
        `| ${label} | ${ours.toFixed(3)} | ${reference.toFixed(3)} | ${(ours / reference).toFixed(2)} |`,
      );
    }
    console.log(
      `push throughput: Bootstick ${(64 / mean(pushOurs)).toFixed(1)} MiB/s, podman ${(64 / mean(pushHand)).toFixed(1)} MiB/s`,
    );
    console.log(
      `the CLI's own start (bootstick --help), part of every Bootstick time: ${median(cliStart).toFixed(3)} s`,
    );
  } finally {
    await podman(['rmi', '--ignore', big]).catch(() => {});
    await images.remove();
    await Promise.all(registries.map((registry) => registry.stop()));
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
