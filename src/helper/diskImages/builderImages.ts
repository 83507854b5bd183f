import { randomBytes } from 'node:crypto';
import { lstat, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import {
  BUILDERS_CONF,
  builderAllowed,
  DEFAULT_BUILDERS,
  namesBuilderRepository,
  parseBuildersConf,
} from '../../shared/diskImages/builderPolicy';
import { HelperRefusal } from '../errors';
import { ensureRootStateDir, ROOT_STATE_DIR } from '../safety/privateJobFolder';

/** Image ids the helper first ran under each allowed builder name (root's own record). */
const PINS_FILE = join(ROOT_STATE_DIR, 'builder-pins.json');

export class BuilderRefused extends HelperRefusal {}

/** A file only root can change, or its contents decide nothing. */
async function isRootsOwn(path: string): Promise<boolean> {
  const info = await lstat(path);
  return info.isFile() || info.isDirectory() ? info.uid === 0 && (info.mode & 0o022) === 0 : false;
}

/**
 * The builder images root allows (BUILDERS_CONF), or the default when root wrote none. A list
 * that anyone but root could have written is refused outright, not trusted and not ignored.
 */
export async function allowedBuilders(): Promise<string[]> {
  const text = await readFile(BUILDERS_CONF, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return DEFAULT_BUILDERS;
  if (!(await isRootsOwn(BUILDERS_CONF)) || !(await isRootsOwn(dirname(BUILDERS_CONF)))) {
    throw new BuilderRefused(
      `${BUILDERS_CONF} (or its folder) can be changed by someone other than root, so no builder image is trusted. Make both root's, not writable by others.`,
    );
  }
  return parseBuildersConf(text);
}

async function readPins(): Promise<Record<string, string>> {
  await ensureRootStateDir();
  const text = await readFile(PINS_FILE, 'utf8').catch(() => '{}');
  try {
    const pins = JSON.parse(text) as unknown;
    return pins && typeof pins === 'object' ? (pins as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Pin updates one after another: a build asks for its builder's flags and runs it at once. */
let pinUpdates: Promise<unknown> = Promise.resolve();

/** Reads the pins, changes them and writes them back whole (a fresh temporary file, then rename). */
function updatePins(change: (pins: Record<string, string>) => Record<string, string> | null): Promise<void> {
  const update = pinUpdates.then(async () => {
    const next = change(await readPins());
    if (!next) return;
    const temporary = `${PINS_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    await rename(temporary, PINS_FILE);
  });
  pinUpdates = update.catch(() => {});
  return update;
}

async function imageIdOf(ref: string): Promise<string | null> {
  const result = await execa('podman', ['image', 'inspect', '--format', '{{.Id}}', ref], {
    reject: false,
    timeout: 30_000,
  });
  const id = String(result.stdout ?? '').trim();
  return result.exitCode === 0 && /^[a-f0-9]{64}$/.test(id) ? id : null;
}

/**
 * The builder image to run privileged for `ref`: refused unless root allows its name, and then
 * always the image id it had when the helper first ran it (or last pulled it). A local image made
 * under that name later (a `podman build --tag`, `podman load`) is refused, not run.
 */
export async function resolveBuilderImage(ref: string): Promise<{ ref: string; imageId: string }> {
  const allowed = await allowedBuilders();
  if (!builderAllowed(ref, allowed)) {
    throw new BuilderRefused(
      `${ref} is not a builder image this computer allows. Root lists them in ${BUILDERS_CONF} (now: ${allowed.join(', ')}).`,
    );
  }
  const imageId = await imageIdOf(ref);
  if (!imageId)
    throw new BuilderRefused(`The builder image ${ref} is not in root's image storage; pull it first.`);
  await pinUpdates;
  const pinned = (await readPins())[ref];
  if (pinned && pinned !== imageId) {
    throw new BuilderRefused(
      `The builder image ${ref} is not the one Bootstick first used (${pinned.slice(0, 12)}, now ${imageId.slice(0, 12)}). Pull it again through Bootstick to trust the registry's version, or, as root, remove its line from ${PINS_FILE}.`,
    );
  }
  // First use: pinned, unless a concurrent first use pinned it a moment ago (then it must agree).
  if (!pinned) {
    let clash: string | null = null;
    await updatePins((pins) => {
      if (pins[ref] && pins[ref] !== imageId) clash = pins[ref] as string;
      return pins[ref] ? null : { ...pins, [ref]: imageId };
    });
    if (clash)
      throw new BuilderRefused(`The builder image ${ref} changed while Bootstick pinned it; try again.`);
  }
  return { ref, imageId };
}

/** After the helper pulled an allowed builder from its registry: that version is the one to run. */
export async function repinPulledBuilder(ref: string): Promise<void> {
  const allowed = await allowedBuilders().catch(() => [] as string[]);
  if (!builderAllowed(ref, allowed)) return;
  const imageId = await imageIdOf(ref);
  if (imageId) await updatePins((pins) => ({ ...pins, [ref]: imageId }));
}

/** A container build must not put an image under a builder's name (it would then run privileged). */
export async function refuseBuilderName(tag: string): Promise<void> {
  const allowed = await allowedBuilders().catch(() => DEFAULT_BUILDERS);
  if (namesBuilderRepository(tag, allowed)) {
    throw new BuilderRefused(`${tag} is the name of a builder image; a container build cannot use it.`);
  }
}
