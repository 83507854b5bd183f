import {
  type BuildError,
  type BuildErrorCode,
  describeBuildError,
} from '../../../shared/diskImages/buildErrors';
import { FailureEvidence } from './failureEvidence';

/** How a bib run ended, and the end of what it printed. */
export interface BibRunEnd {
  exitCode: number | null;
  signal: string | null;
  /** The last lines of bib's output, both streams in arrival order (a couple of hundred is plenty). */
  lines: readonly string[];
  /** The person cancelled: then that is why it ended, whatever the exit status says. */
  cancelled?: boolean;
}

/** podman's own error lines (`Error: statfs /x: no such file or directory`). */
const PODMAN_ERROR = /^Error: .*$/m;
/** cobra's usage text, printed when the command line did not parse (bib before Dec 2024). */
const COBRA_USAGE = /^Usage:\n\s+bootc-image-builder\b/m;
const OSBUILD_IN_FATAL =
  /cannot run osbuild|running osbuild failed|error running osbuild|parsing osbuild status/;
/** Signs of osbuild failing when bib's own record is not in the text (quoted logs, cut tails). */
const OSBUILD_FAILURE_SIGN =
  /^Traceback \(most recent call last\):$|^manifest \S+ failed$|^Failed$|\/run\/osbuild\/bin\/org\.osbuild\./m;
const SETFILES = /setfiles: Could not set context/;
const OSBUILD_DETAIL_LINES = 12;

type Rule = { code: BuildErrorCode; detail: (evidence: FailureEvidence) => string | null };

/** A rule for a distinctive phrase: it matches wherever it shows, bib's record or tool output. */
function phrase(code: BuildErrorCode, pattern: RegExp): Rule {
  return { code, detail: (evidence) => (evidence.shows(pattern) ? evidence.evidenceFor(pattern) : null) };
}

/** A rule for wording only bib's fatal record gives meaning to (a stage may print "cannot decode"). */
function fatalPhrase(code: BuildErrorCode, pattern: RegExp): Rule {
  return {
    code,
    detail: (evidence) => (evidence.fatalSays(pattern) ? (evidence.fatal?.text ?? null) : null),
  };
}

/**
 * First match wins, so the order puts root causes before their consequences: running out of
 * space or missing privileges makes later steps fail in other words too. Texts: bib's format
 * strings (contract.md §4, configs/rejected.md) and the real logs in bib-data/logs.
 */
const RULES: readonly Rule[] = [
  fatalPhrase(
    'unknownFlag',
    /unknown (?:shorthand )?flag|accepts \d+ arg\(s\), received \d+|unknown command/,
  ),
  phrase('unknownFlag', /^Error: unknown (?:shorthand )?flag.*$/m),
  {
    code: 'unknownFlag',
    detail: (evidence) =>
      evidence.shows(COBRA_USAGE)
        ? (evidence.fatal?.text ??
          evidence.linesShowing(PODMAN_ERROR) ??
          'bootc-image-builder printed its usage instead of building: it did not accept its command line.')
        : null,
  },
  phrase('notRootful', /must be run in rootful|rootful \(not rootless\)/),
  phrase('notPrivileged', /requires a privileged container/),
  phrase('noSpaceLeft', /no space left on device/i),
  // Go's exec reports a child the kernel's OOM killer ended as "signal: killed".
  fatalPhrase('killed', /signal: killed/),
  phrase(
    'storageNotMounted',
    /could not access container storage|cannot find "\/var\/lib\/containers\/storage\/overlay"|local storage not working|'overlay'\s+is\s+not\s+supported\s+over\s+overlayfs/,
  ),
  phrase(
    'imageNotPulled',
    /failed to inspect the image|no longer pulls images|failed to pull container image/,
  ),
  phrase('notBootcImage', /is not a bootc image/),
  fatalPhrase(
    'unsupportedImageType',
    /unsupported image type|cannot detect build types|cannot mix ISO\/disk images|cannot build iso for different target arches/,
  ),
  // images bootc.go NewBootcDistro lists every missing field ("Imgref, Arch, DefaultRootFs, …"),
  // so the root filesystem need not come first; bib's legacy ISO path has its own sentence.
  phrase(
    'missingRootfs',
    /missing required info: [^\n]*\bDefaultRootFs\b|no default root filesystem type specified/,
  ),
  // images distro/generic/bootc_imagetype.go manifestForISO.
  fatalPhrase('installerPayloadMissing', /no installer payload bootc ref set/),
  // images distro/generic/bootc.go GetArch; bib legacy_iso.go for the legacy ISO path.
  fatalPhrase(
    'archMismatch',
    /requested bootc arch .* does not match available arches|image found is for unexpected architecture/,
  ),
  // bib main.go cmdBuild, when --chown was given and canChownInPath failed.
  fatalPhrase('chownNotAllowed', /chowning is not allowed in output directory/),
  // images customizations/kickstart Options.Validate and blueprint GetInstaller.
  fatalPhrase(
    'kickstartConflict',
    /kickstart users and\/or groups are not compatible|when adding custom kickstart contents|not compatible with user-supplied kickstart content/,
  ),
  fatalPhrase(
    'configRejected',
    /cannot read config|cannot decode|unknown keys found|json: unknown field|JSON unmarshal|TOML unmarshal|validating custom mountpoints|cannot combine disk and filesystem customizations|invalid group customizations|disables the required Users Anaconda module|unsupported kickstart options for user|invalid volume id|invalid partitioning customizations/,
  ),
  {
    code: 'selinuxSetfiles',
    detail: (evidence) => {
      const first = evidence.linesShowing(SETFILES);
      if (first === null) return null;
      const more = evidence.countLines(SETFILES) - 1;
      return more > 0 ? `${first}\n(and ${more} more like it)` : first;
    },
  },
  {
    code: 'osbuildFailed',
    detail: (evidence) => {
      const inOsbuild = evidence.fatal?.timestamped
        ? evidence.fatalSays(OSBUILD_IN_FATAL)
        : evidence.shows(OSBUILD_FAILURE_SIGN);
      return inOsbuild ? (evidence.lastLines(OSBUILD_DETAIL_LINES) ?? '') : null;
    },
  },
];

/**
 * Why a bib run failed, as a stable code with plain words, and the lines that show it: bib's
 * own error text (multi-line errors kept whole) or the tool output that gave the cause away.
 * podman's exit status speaks first: 125–127 mean the container never ran bib, 137 and other
 * signals mean something killed it (bib itself only ever exits 1).
 */
export function classifyBibFailure(end: BibRunEnd): BuildError {
  if (end.cancelled) return describeBuildError('cancelled');
  const evidence = new FailureEvidence(end.lines);
  const byStatus = classifyExitStatus(end, evidence);
  if (byStatus) return byStatus;
  for (const rule of RULES) {
    const detail = rule.detail(evidence);
    if (detail !== null) return describeBuildError(rule.code, detail);
  }
  const detail = evidence.fatal ? evidence.fatal.text : evidence.lastLines(OSBUILD_DETAIL_LINES);
  return describeBuildError('bibFailed', detail);
}

function classifyExitStatus(end: BibRunEnd, evidence: FailureEvidence): BuildError | null {
  const { exitCode, signal } = end;
  if (signal !== null) return describeBuildError('killed', `podman was ended by ${signal}.`);
  if (exitCode === 137) {
    return describeBuildError('killed', 'podman exited with status 137: the container was killed (SIGKILL).');
  }
  if (exitCode === 125 || exitCode === 126 || exitCode === 127) {
    const said = evidence.linesShowing(PODMAN_ERROR) ?? evidence.lastLines(5);
    return describeBuildError(
      'podmanFailed',
      `podman exited with status ${exitCode}.${said ? `\n${said}` : ''}`,
    );
  }
  if (exitCode !== null && exitCode > 128) {
    return describeBuildError('killed', `podman exited with status ${exitCode} (signal ${exitCode - 128}).`);
  }
  return null;
}
