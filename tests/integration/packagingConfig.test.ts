import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { FileMatcher, getFileMatchers } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { INSTALLED_HELPER_LAUNCHER } from '../../src/core/privileged/helperCommand';

/**
 * electron-builder.yml, loaded and validated by electron-builder itself and held to the facts it
 * depends on. Packaging cannot run here (no Electron binary to download); this is what can be
 * proven without it. It reads the built bundles in `out/` (what gets packaged), so it lives with
 * the tests that run after `npm run build`.
 */

const ROOT = join(import.meta.dirname, '../..');
const POLICY = join(ROOT, 'build/org.bootstick.helper.policy');
const LAUNCHER = join(ROOT, 'build/bootstick-helper');
const FILE = { isDirectory: () => false } as never;

let config: Configuration;
let isPackaged: (path: string) => boolean;
let isUnpacked: (path: string) => boolean;

beforeAll(async () => {
  config = await getConfig(ROOT, null, null);
  const options = {
    macroExpander: (pattern: string) => pattern,
    customBuildOptions: config.linux ?? {},
    globalOutDir: join(ROOT, 'dist'),
    defaultSrc: ROOT,
  };
  const files = getFileMatchers(config, 'files', '/app', options)?.[0];
  const unpack = getFileMatchers(config, 'asarUnpack', '/app', options)?.[0];
  if (!files || !unpack) throw new Error('electron-builder.yml needs files and asarUnpack');
  // Production node_modules are shipped unless a `!node_modules/…` pattern of `files` drops them.
  const nodeModules = new FileMatcher(ROOT, '/app', options.macroExpander, [
    '**/*',
    ...files.patterns.filter((pattern) => pattern.startsWith('!node_modules/')),
  ]).createFilter();
  const projectFiles = files.createFilter();
  const unpacked = unpack.createFilter();
  isPackaged = (path) =>
    path.startsWith('node_modules/')
      ? nodeModules(join(ROOT, path), FILE)
      : projectFiles(join(ROOT, path), FILE);
  isUnpacked = (path) => unpacked(join(ROOT, path), FILE);
});

const PACKAGE_SPECIFIER = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.-]+)*$/i;

/** The packages a built bundle imports by name. */
function bareImports(dir: string): string[] {
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js')) continue;
    const source = readFileSync(join(dir, entry), 'utf8');
    for (const [, specifier] of source.matchAll(
      /(?<![.\w$])(?:from\s*|import\s*\(?\s*|require\s*\(\s*)["']([^"']+)["']/g,
    )) {
      if (!specifier || !PACKAGE_SPECIFIER.test(specifier)) continue;
      const parts = specifier.split('/');
      names.add(specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier));
    }
  }
  names.delete('electron'); // Electron's own module, not a package in the app
  return [...names].sort();
}

/** Every installed package the given ones need at runtime, found the way Node resolves them. */
function dependencyClosure(roots: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string) => {
    let dir: string | undefined;
    try {
      dir = dirname(createRequire(join(fromDir, 'noop.js')).resolve(`${name}/package.json`));
    } catch {
      // Packages without an exported package.json: walk node_modules like Node does.
      for (let at = fromDir; ; at = dirname(at)) {
        if (existsSync(join(at, 'node_modules', name, 'package.json'))) {
          dir = join(at, 'node_modules', name);
          break;
        }
        if (dirname(at) === at) break;
      }
    }
    if (!dir) return; // an optional dependency that is not installed
    const key = relative(ROOT, dir);
    if (found.has(key)) return;
    found.set(key, name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dependency of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }))
      visit(dependency, dir);
  };
  for (const name of roots) visit(name, ROOT);
  return found;
}

function nodeAddons(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.node') && !entry.includes('node_modules/'))
    .map((entry) => join(dir, entry));
}

describe('electron-builder.yml', () => {
  it("is valid by electron-builder's own schema — which does refuse a misspelt key", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...config, asarUnpak: ['**/*.node'] } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/asarUnpak/);
  });

  it('builds AppImage, deb and rpm for x64 and arm64, as org.bootstick.Bootstick in the System/Utility menus', () => {
    expect(config.appId).toBe('org.bootstick.Bootstick');
    expect(config.productName).toBe('Bootstick');
    const targets = (config.linux?.target ?? []) as Array<{ target: string; arch: string[] }>;
    expect(targets.map(({ target, arch }) => `${target}:${[...arch].sort().join(',')}`)).toEqual([
      'AppImage:arm64,x64',
      'deb:arm64,x64',
      'rpm:arm64,x64',
    ]);
    expect(config.linux?.category).toBe('System;Utility');
    expect(config.linux?.executableName).toBe('bootstick');
    expect(config.asar).toBe(true);
  });

  it('has icons from 16 to 512 px, each a PNG of its named size, and the window icon main uses', () => {
    const iconDir = join(ROOT, String(config.linux?.icon));
    const sizes = readdirSync(iconDir)
      .map((file) => {
        const png = readFileSync(join(iconDir, file));
        expect(png.subarray(1, 4).toString('latin1'), file).toBe('PNG');
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(file).toBe(`${width}x${height}.png`);
        return width;
      })
      .sort((a, b) => a - b);
    expect(sizes).toEqual([16, 32, 48, 64, 128, 256, 512]);
    expect(readFileSync(join(ROOT, 'resources/icon.png')).readUInt32BE(16)).toBe(256);
    expect(isPackaged('resources/icon.png')).toBe(true);
  });

  it('packages the built app: main, preload, renderer, and helper.js inside app.asar where the launcher runs it', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
    for (const path of [
      'package.json',
      'out/main/index.js',
      'out/main/helper.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'native/block-io/build/Release/block_io.node',
    ]) {
      expect(isPackaged(path), path).toBe(true);
    }
    // helper.js stays in app.asar, next to the node_modules it imports (an unpacked copy could not find them).
    expect(isUnpacked('out/main/helper.js')).toBe(false);
    expect(isPackaged('src/main/index.ts')).toBe(false);
  });

  it('unpacks every native addon main and the helper can load; ships none of mountutils', () => {
    const imported = bareImports(join(ROOT, 'out/main'));
    expect(imported).toEqual(expect.arrayContaining(['drivelist', 'etcher-sdk']));
    const closure = dependencyClosure(imported);
    const addons = [...closure.keys()].flatMap(nodeAddons);
    addons.push('native/block-io/build/Release/block_io.node');
    // What the helper was seen to map (tests/integration/helperNativeModules.test.ts) is among them.
    for (const name of ['drivelist', '@ronomon/direct-io', 'lzma-native', 'xxhash-addon', 'usb']) {
      expect(
        addons.some((path) => path.startsWith(`node_modules/${name}/`)),
        name,
      ).toBe(true);
    }
    const shipped = addons.filter(isPackaged);
    expect(shipped.filter((path) => !isUnpacked(path))).toEqual([]);
    expect(shipped.filter((path) => path.includes('mountutils'))).toEqual([]);
    expect(isPackaged('node_modules/mountutils/index.js')).toBe(true); // its JS may come along, never a binary
    expect(shipped).toEqual(expect.arrayContaining(['native/block-io/build/Release/block_io.node']));
  });

  it('ships every package the built main, helper and CLI import, and everything those need', () => {
    const closure = dependencyClosure(bareImports(join(ROOT, 'out/main')));
    const dropped = [...closure.keys()].filter((dir) => !isPackaged(`${dir}/package.json`));
    expect(dropped).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const name of bareImports(join(ROOT, 'out/main')))
      expect(Object.keys(pkg.dependencies), name).toContain(name);
    // The renderer's libraries are bundled by Vite and left out.
    expect(isPackaged('node_modules/react-dom/package.json')).toBe(false);
    expect(isPackaged('node_modules/@patternfly/react-core/package.json')).toBe(false);
  });

  it("installs the polkit policy, and the launcher at exactly the policy's exec path (deb and rpm)", () => {
    const policy = readFileSync(POLICY, 'utf8');
    const execPath = /<annotate key="org\.freedesktop\.policykit\.exec\.path">([^<]+)<\/annotate>/.exec(
      policy,
    )?.[1];
    expect(/<action id="([^"]+)">/.exec(policy)?.[1]).toBe('org.bootstick.helper');
    expect(execPath).toBe(INSTALLED_HELPER_LAUNCHER);
    for (const target of ['deb', 'rpm'] as const) {
      const mappings = Object.fromEntries(
        (config[target]?.fpm ?? []).map((arg) => arg.split('=') as [string, string]),
      );
      expect(mappings, target).toEqual({
        'build/org.bootstick.helper.policy': '/usr/share/polkit-1/actions/org.bootstick.helper.policy',
        'build/bootstick-helper': execPath,
      });
      for (const source of Object.keys(mappings)) expect(existsSync(join(ROOT, source)), source).toBe(true);
    }
    expect(config.deb?.depends).toContain('pkexec | policykit-1');
    expect(config.rpm?.depends).toContain('polkit');
    // The AppImage cannot install them; it carries them for a person to install.
    expect(config.extraResources).toEqual([
      { from: 'build/org.bootstick.helper.policy', to: 'polkit/org.bootstick.helper.policy' },
      { from: 'build/bootstick-helper', to: 'polkit/bootstick-helper' },
    ]);
  });

  it('has a launcher that runs the installed app binary as Node on the packaged helper.js, and nothing else', () => {
    expect(statSync(LAUNCHER).mode & 0o111).toBe(0o111);
    const script = readFileSync(LAUNCHER, 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    const commands = script.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    const installDir = `/opt/${config.productName}`;
    expect(commands).toEqual([
      `ELECTRON_RUN_AS_NODE=1 exec ${installDir}/${config.linux?.executableName} ${installDir}/resources/app.asar/out/main/helper.js`,
    ]);
  });

  it('rebuilds the block-io addon for the architecture being packed', async () => {
    expect(config.afterPack).toBe('build/afterPack.cjs');
    const hook = createRequire(import.meta.url)(join(ROOT, String(config.afterPack)));
    expect(typeof hook.default).toBe('function');
  });
});
