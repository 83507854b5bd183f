// electron-builder afterPack hook (electron-builder.yml): puts a block-io addon built for the
// architecture being packed into app.asar.unpacked. node_modules' addons are rebuilt per arch by
// electron-builder itself; native/block-io is the project's own, so it is built here — in a
// temporary copy, so the developer's own build (for this host, used by the tests) is left alone.
// Building arm64 on an x64 host needs a cross compiler: CC=aarch64-linux-gnu-gcc.
const { execFileSync } = require('node:child_process');
const { cpSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');
const { Arch } = require('builder-util');

/** ELF e_machine of each architecture Bootstick ships. */
const ELF_MACHINE = { x64: 0x3e, arm64: 0xb7 };
const ADDON = path.join('native', 'block-io', 'build', 'Release', 'block_io.node');

exports.default = async function afterPack(context) {
  const arch = Arch[context.arch];
  const expected = ELF_MACHINE[arch];
  if (expected === undefined) throw new Error(`Bootstick is not packaged for ${arch}`);
  const projectDir = context.packager.projectDir;
  const work = mkdtempSync(path.join(tmpdir(), 'bootstick-block-io-'));
  try {
    cpSync(path.join(projectDir, 'native', 'block-io'), path.join(work, 'block-io'), {
      recursive: true,
      filter: (source) =>
        !source.includes(`${path.sep}build${path.sep}`) && !source.endsWith(`${path.sep}build`),
    });
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [projectDir] });
    execFileSync(
      process.execPath,
      [nodeGyp, 'rebuild', `--arch=${arch}`, '--directory', path.join(work, 'block-io')],
      {
        stdio: 'inherit',
      },
    );
    const built = path.join(work, 'block-io', 'build', 'Release', 'block_io.node');
    const machine = readFileSync(built).readUInt16LE(18);
    if (machine !== expected) {
      throw new Error(
        `block_io.node came out for ELF machine 0x${machine.toString(16)}, not ${arch} (0x${expected.toString(16)}): ` +
          `build ${arch} packages on an ${arch} host, or set CC/CXX to a cross compiler.`,
      );
    }
    const target = path.join(context.appOutDir, 'resources', 'app.asar.unpacked', ADDON);
    cpSync(built, target);
    console.log(`  • block-io addon for ${arch} → ${path.relative(context.appOutDir, target)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};
