import '@patternfly/react-styles/css/components/Table/table.css';
import { Content, Label } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/format/formatBytes';
import type { UpdateDiff } from '../../../shared/updates/updateDiff';
import { UpdateSummary } from './UpdateSummary';

/**
 * The seed's question answered before a push: K of N layers and their bytes, a row per layer of the
 * new version (new or already on the hosts, and the instruction that made it), and what it means:
 * bootc fetches whole layers, so a one-layer image re-downloads everything unless rechunked.
 */
export function UpdateDiffView({ diff }: { diff: UpdateDiff }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="update-diff-summary" data-testid="update-diff">
      <Content component="p" className="bootstick-drive-path" data-testid="update-versions">
        {`${diff.from.ref} → ${diff.to.ref} (${diff.to.architecture ?? '?'})`}
      </Content>
      <Content component="p" id="update-diff-summary" data-testid="update-summary">
        <strong>
          <UpdateSummary diff={diff} />
        </strong>
      </Content>
      <table className="pf-v6-c-table pf-m-compact pf-m-grid-md" aria-label={t('updates.tool.tableLabel')}>
        <thead className="pf-v6-c-table__thead">
          <tr className="pf-v6-c-table__tr">
            <th className="pf-v6-c-table__th" scope="col">
              {t('updates.tool.layer')}
            </th>
            <th className="pf-v6-c-table__th" scope="col">
              {t('updates.tool.size')}
            </th>
            <th className="pf-v6-c-table__th" scope="col">
              {t('updates.tool.onHosts')}
            </th>
            <th className="pf-v6-c-table__th" scope="col">
              {t('updates.tool.instruction')}
            </th>
          </tr>
        </thead>
        <tbody className="pf-v6-c-table__tbody">
          {diff.layers.map((layer, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: two steps can make byte-identical layers (one digest twice); the rows never reorder.
            <tr className="pf-v6-c-table__tr" key={`${index}-${layer.digest}`} data-testid="update-layer">
              <td className="pf-v6-c-table__td bootstick-drive-path" title={layer.digest}>
                {layer.digest.slice(0, 19)}
              </td>
              <td className="pf-v6-c-table__td">{formatBytes(layer.size)}</td>
              <td className="pf-v6-c-table__td">
                {layer.isNew ? (
                  <Label color="orange">{t('updates.layerNew')}</Label>
                ) : (
                  <Label color="green">{t('updates.layerPresent')}</Label>
                )}
              </td>
              <td className="pf-v6-c-table__td bootstick-drive-path bootstick-layer-instruction">
                {layer.createdBy ?? t('updates.unknownInstruction')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Content component="p">{t('updates.howBootcUpdates')}</Content>
      {diff.allLayersNew ? <Content component="p">{t('updates.allLayers')}</Content> : null}
      {diff.flat ? (
        <Content component="p" data-testid="update-rechunk-hint">
          {t('updates.rechunkHint')}
        </Content>
      ) : null}
    </section>
  );
}
