import {
  Alert,
  Button,
  Content,
  DataList,
  DataListAction,
  DataListCell,
  DataListItem,
  DataListItemCells,
  DataListItemRow,
  Flex,
  Label,
  Spinner,
  Title,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/format/formatBytes';
import { useLocalImagesStore } from '../../stores/localImagesStore';

/**
 * The images already in root's podman storage, one row per name, bootc images first; using one
 * puts its name in the reference field. Listed on request: the helper may ask for a password.
 */
export function LocalImageList({ onUse }: { onUse: (name: string) => void }) {
  const { t, i18n } = useTranslation();
  const { loading, listing, load } = useLocalImagesStore();
  const rows = (listing?.images ?? [])
    .flatMap((image) => image.names.map((name) => ({ ...image, name })))
    .sort((a, b) => Number(b.bootc) - Number(a.bootc));
  return (
    <section aria-labelledby="local-images-title">
      <Flex alignItems={{ default: 'alignItemsCenter' }}>
        <Title headingLevel="h3" id="local-images-title">
          {t('image.local.title')}
        </Title>
        <Button variant="secondary" size="sm" onClick={() => void load()} isDisabled={loading}>
          {listing ? t('image.local.refresh') : t('image.local.show')}
        </Button>
        {loading ? <Spinner size="md" aria-label={t('image.local.loading')} /> : null}
      </Flex>
      <Content component="p">{t('image.local.hint')}</Content>
      {listing && !listing.available ? (
        <Alert
          variant="warning"
          isInline
          isPlain
          title={t('image.local.unavailable', { problem: listing.problem ?? '' })}
        />
      ) : null}
      {listing?.available && rows.length === 0 ? (
        <Content component="p">{t('image.local.none')}</Content>
      ) : null}
      {rows.length > 0 ? (
        <DataList aria-label={t('image.local.title')} isCompact>
          {rows.map((row) => (
            <DataListItem key={`${row.id}:${row.name}`} aria-labelledby={`local-image-${row.id}-${row.name}`}>
              <DataListItemRow>
                <DataListItemCells
                  dataListCells={[
                    <DataListCell key="name" width={3}>
                      <span id={`local-image-${row.id}-${row.name}`} className="bootstick-image-path">
                        {row.name}
                      </span>
                    </DataListCell>,
                    <DataListCell key="kind" width={2}>
                      {row.bootc ? (
                        <Label color="green">{t('image.local.bootc')}</Label>
                      ) : (
                        <Label color="orange">{t('image.local.notBootc')}</Label>
                      )}
                    </DataListCell>,
                    <DataListCell key="details" width={2}>
                      {t('image.local.details', {
                        size: formatBytes(row.size, i18n.language),
                        created: new Date(row.created).toLocaleDateString(i18n.language),
                      })}
                    </DataListCell>,
                  ]}
                />
                <DataListAction
                  id={`local-image-use-${row.id}-${row.name}`}
                  aria-label={t('image.local.use', { name: row.name })}
                  aria-labelledby={`local-image-use-${row.id}-${row.name}`}
                >
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={t('image.local.use', { name: row.name })}
                    onClick={() => onUse(row.name)}
                  >
                    {t('image.local.useShort')}
                  </Button>
                </DataListAction>
              </DataListItemRow>
            </DataListItem>
          ))}
        </DataList>
      ) : null}
    </section>
  );
}
