import { formatBytes } from '../shared/format/formatBytes';
import type { Translate } from '../shared/i18n/describeReason';
import type { UpdateDiff } from '../shared/updates/updateDiff';

/** The diff as a person reads it in a terminal: the sentence, a row per layer, what it means. */
export function formatUpdateDiff(diff: UpdateDiff, t: Translate): string {
  const summaryKey = diff.sizesAreDownloads ? 'updates.summary' : 'updates.summaryLocal';
  const lines = [
    `${diff.from.ref} → ${diff.to.ref} (${diff.to.architecture ?? '?'})`,
    t(summaryKey, {
      newLayers: diff.newLayers,
      totalLayers: diff.totalLayers,
      newSize: formatBytes(diff.newBytes),
      totalSize: formatBytes(diff.totalBytes),
    }),
    '',
  ];
  for (const layer of diff.layers) {
    const state = layer.isNew ? t('updates.layerNew') : t('updates.layerPresent');
    lines.push(
      `  ${state.padEnd(20)} ${layer.digest.slice(0, 19)}  ${formatBytes(layer.size).padStart(8)}  ${
        layer.createdBy ?? t('updates.unknownInstruction')
      }`,
    );
  }
  lines.push('', t('updates.howBootcUpdates'));
  if (diff.allLayersNew) lines.push(t('updates.allLayers'));
  if (diff.flat) lines.push(t('updates.rechunkHint'));
  return lines.join('\n');
}
