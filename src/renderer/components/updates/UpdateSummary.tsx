import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/format/formatBytes';
import type { UpdateDiff } from '../../../shared/updates/updateDiff';

/**
 * "K of N layers, X of Y will be downloaded": the CLI's sentence. Local sizes are uncompressed, so
 * for a version not yet pushed the sentence says they are an upper bound.
 */
export function UpdateSummary({ diff }: { diff: UpdateDiff }) {
  const { t } = useTranslation();
  return (
    <>
      {t(diff.sizesAreDownloads ? 'updates.summary' : 'updates.summaryLocal', {
        newLayers: diff.newLayers,
        totalLayers: diff.totalLayers,
        newSize: formatBytes(diff.newBytes),
        totalSize: formatBytes(diff.totalBytes),
      })}
    </>
  );
}
