import { cleanTerminalLine } from './terminalText';

/**
 * osbuild/images prints this for a customization the image type ignores, without a newline, so
 * it can share a line with whatever bib prints next (contract.md §3).
 */
const NOT_SUPPORTED =
  /blueprint validation failed for image type "([^"]+)": (customizations[\w.-]*): not supported/;
/** bib's own warnings (`WARNING: --local is now the default…`, the target-arch one). */
const WARNING = /^(?:\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} )?WARNING:?\s+(.*)$/;

/** A warning bib printed, in plain words, or null for any other line. */
export function bibWarning(rawLine: string): string | null {
  const line = cleanTerminalLine(rawLine);
  const unsupported = NOT_SUPPORTED.exec(line);
  if (unsupported) {
    // images bootc imagetypes.yaml leaves filesystem out of supported_options_disk, so it warns,
    // yet genPartitionTable applies it (GetFilesystems): the partitions get the sizes asked for.
    if (unsupported[2] === 'customizations.filesystem') {
      return `bootc-image-builder says customizations.filesystem is not supported for ${unsupported[1]} images, but it applies it: the partitions get the sizes you set.`;
    }
    return `${unsupported[2]} is not supported for ${unsupported[1]} images: bootc-image-builder ignores it.`;
  }
  const warning = WARNING.exec(line.trim());
  return warning?.[1] ? warning[1] : null;
}
