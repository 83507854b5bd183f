import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildArgLines,
  containerfileArgs,
  parseBuildArgLines,
} from '../../../src/shared/containerImages/containerfileArgs';

describe('containerfileArgs', () => {
  it('lists ARG names with their defaults, in order, once each', () => {
    const text = [
      'ARG BASE_IMAGE=quay.io/centos-bootc/centos-bootc:stream9',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a Containerfile's own variable
      'FROM ${BASE_IMAGE}',
      'arg NO_DEFAULT',
      'ARG QUOTED="a b"  ',
      'ARG A=1 B=2',
      'ARG BASE_IMAGE=other',
      'RUN echo ARG NOT_THIS=1',
      'ARG CONTINUED=x \\',
      '  NEXT=y',
    ].join('\n');
    expect(containerfileArgs(text)).toEqual([
      { name: 'BASE_IMAGE', value: 'quay.io/centos-bootc/centos-bootc:stream9' },
      { name: 'NO_DEFAULT', value: '' },
      { name: 'QUOTED', value: 'a b' },
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'CONTINUED', value: 'x' },
      { name: 'NEXT', value: 'y' },
    ]);
  });

  it("offers the shipped tailscale example's two arguments", async () => {
    const text = await readFile(
      join(import.meta.dirname, '../../../resources/examples/tailscale/Containerfile'),
      'utf8',
    );
    expect(containerfileArgs(text).map((arg) => arg.name)).toEqual(['BASE_IMAGE', 'TAILSCALE_REPO']);
  });
});

describe('parseBuildArgLines', () => {
  it('reads NAME=value lines, skipping blanks and comments, keeping = in values', () => {
    expect(parseBuildArgLines('A=1\n\n# note\n B = x=y \nEMPTY=')).toEqual({
      ok: true,
      args: { A: '1', B: 'x=y', EMPTY: '' },
    });
  });

  it('names the first line that is not NAME=value', () => {
    expect(parseBuildArgLines('A=1\njust text')).toEqual({ ok: false, line: 2 });
    expect(parseBuildArgLines('1BAD=x')).toEqual({ ok: false, line: 1 });
  });

  it('round-trips with buildArgLines', () => {
    const args = [
      { name: 'BASE_IMAGE', value: 'localhost/x:1' },
      { name: 'REPO', value: 'https://e.x/a=b' },
    ];
    expect(parseBuildArgLines(buildArgLines(args))).toEqual({
      ok: true,
      args: { BASE_IMAGE: 'localhost/x:1', REPO: 'https://e.x/a=b' },
    });
  });
});
