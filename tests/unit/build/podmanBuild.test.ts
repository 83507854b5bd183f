import { describe, expect, it } from 'vitest';
import { podmanBuildArgs } from '../../../src/helper/containerImages/podmanBuildArgs';
import {
  ImageBuildInputSchema,
  ImageBuildRequestSchema,
  ImageBuildResultSchema,
} from '../../../src/shared/containerImages/containerfileBuild';
import { HelperRequestSchema } from '../../../src/shared/helperProtocol';

const REQUEST = {
  jobId: 'image-0123456789ab',
  contextDir: '/home/ada/my-bootc',
  containerfile: '/home/ada/my-bootc/Containerfile',
  tag: 'localhost/my-bootc:latest',
};

const refusal = (patch: Record<string, unknown>) => {
  const parsed = ImageBuildRequestSchema.safeParse({ ...REQUEST, ...patch });
  return parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('\n');
};

describe('a Containerfile build request', () => {
  it('is accepted with a context, its Containerfile, a localhost tag and simple build arguments', () => {
    const request = { ...REQUEST, buildArgs: { FEDORA_VERSION: '42', _proxy: 'http://proxy:3128 x=y' } };
    expect(ImageBuildRequestSchema.parse(request)).toEqual(request);
  });

  it.each([
    ['quay.io/fedora/fedora-bootc:42', 'a registry name'],
    ['fedora-bootc:42', 'a short name'],
    ['localhost:5000/my-bootc:latest', 'a registry on localhost'],
    [`localhost/my-bootc@sha256:${'a'.repeat(64)}`, 'a digest'],
    ['0123456789abcdef', 'an image id'],
    ['localhost/My-Bootc', 'upper case'],
    ['--help', 'a flag'],
  ])('refuses the tag %s (%s): a local build is named localhost/…', (tag) => {
    expect(refusal({ tag })).toMatch(/localhost\/|Not an image reference/);
  });

  it('says why a registry name is refused, in plain words', () => {
    expect(refusal({ tag: 'quay.io/fedora/fedora-bootc:42' })).toContain(
      'Name an image you build localhost/<name>:<tag>',
    );
  });

  it.each([
    [{ 'BAD-NAME': 'x' }, /name .* is not allowed: use letters, digits and underscores/],
    [{ '1ST': 'x' }, /name .* is not allowed: use letters, digits and underscores/],
    [{ '': 'x' }, /name .* is not allowed: use letters, digits and underscores/],
    [{ OK: 'two\nlines' }, /one line/],
    [{ OK: 'carriage\rreturn' }, /one line/],
    [{ OK: 'nul\0byte' }, /one line/],
    [{ OK: 'x'.repeat(4097) }, /4096|too big/i],
  ])('refuses the build arguments %j', (buildArgs, message) => {
    expect(refusal({ buildArgs })).toMatch(message);
  });

  it('refuses more than 64 build arguments', () => {
    const buildArgs = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`A${i}`, 'x']));
    expect(refusal({ buildArgs })).toMatch(/At most 64/);
  });

  it.each([
    ['contextDir', 'relative/dir'],
    ['contextDir', '/home/ada/with\nnewline'],
    ['containerfile', 'Containerfile'],
    ['jobId', 'Job One'],
  ])('refuses %s = %j', (field, value) => {
    expect(refusal({ [field]: value })).not.toBeNull();
  });

  it('refuses a field it does not know, such as a command line', () => {
    expect(refusal({ argv: ['podman', 'run', '--privileged'] })).not.toBeNull();
  });

  it('is a helper method, validated like every other request', () => {
    expect(HelperRequestSchema.safeParse({ id: 1, method: 'podmanBuild', params: REQUEST }).success).toBe(
      true,
    );
    const withArgv = {
      id: 1,
      method: 'podmanBuild',
      params: { ...REQUEST, extraArgs: ['--volume', '/:/host'] },
    };
    expect(HelperRequestSchema.safeParse(withArgv).success).toBe(false);
  });

  it('from the renderer or the CLI needs no job id, and the Containerfile may be left out', () => {
    const { jobId: _, containerfile: __, ...input } = REQUEST;
    expect(ImageBuildInputSchema.parse(input)).toEqual(input);
    expect(ImageBuildInputSchema.safeParse({ ...input, jobId: 'x' }).success).toBe(false);
  });

  it('ends with a result carrying the image id or why there is none', () => {
    const result = { ok: true, cancelled: false, imageId: 'a'.repeat(64), tail: ['Successfully tagged'] };
    expect(ImageBuildResultSchema.parse(result)).toEqual(result);
  });
});

describe('podman build argv', () => {
  it('names the file, the tag, layer caching, cleanup and the id file, with the context last', () => {
    expect(
      podmanBuildArgs(
        { contextDir: '/home/ada/ctx', containerfile: '/home/ada/ctx/Containerfile', tag: 'localhost/a:1' },
        '/tmp/bootstick-podman-build-x/iid',
      ),
    ).toEqual([
      'build',
      '--file',
      '/home/ada/ctx/Containerfile',
      '--tag',
      'localhost/a:1',
      '--layers',
      '--force-rm',
      '--iidfile',
      '/tmp/bootstick-podman-build-x/iid',
      '/home/ada/ctx',
    ]);
  });

  it('passes each build argument as one KEY=VALUE element, sorted, spaces and = kept as data', () => {
    const args = podmanBuildArgs(
      {
        contextDir: '/c',
        containerfile: '/c/Containerfile',
        tag: 'localhost/a:1',
        buildArgs: { ZED: 'last', ALPHA: 'a b; rm -rf / $(x)', MID: 'k=v' },
      },
      '/tmp/iid',
    );
    const start = args.indexOf('--build-arg');
    expect(args.slice(start, start + 6)).toEqual([
      '--build-arg',
      'ALPHA=a b; rm -rf / $(x)',
      '--build-arg',
      'MID=k=v',
      '--build-arg',
      'ZED=last',
    ]);
    expect(args.at(-1)).toBe('/c');
  });
});
