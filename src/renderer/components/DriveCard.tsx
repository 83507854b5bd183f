import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { DriveView } from '../../shared/drives/driveView';
import { formatBytes } from '../../shared/format/formatBytes';
import { driveDomId } from './driveDomId';
import { VerdictLabels } from './VerdictLabels';

interface DriveCardProps {
  drive: DriveView;
  isSelected: boolean;
  onToggle(): void;
}

/** One drive: what it is, how big, and in words whether it may be written. */
export function DriveCard({ drive, isSelected, onToggle }: DriveCardProps) {
  const { t, i18n } = useTranslation();
  const id = driveDomId(drive.path);
  const refused = drive.verdict.status === 'refused';
  const name = drive.description || drive.path;
  return (
    <Card id={id} isSelectable isSelected={isSelected} data-status={drive.verdict.status}>
      <CardHeader
        selectableActions={{
          selectableActionId: `${id}-select`,
          selectableActionAriaLabel: t('drives.select', { name: `${name} (${drive.path})` }),
          name: 'target-drives',
          variant: 'multiple',
          isChecked: isSelected,
          onChange: onToggle,
          // Refused drives are shown so people learn why, but can never be picked.
          selectableActionProps: { isDisabled: refused },
        }}
      >
        <CardTitle id={`${id}-title`}>{name}</CardTitle>
      </CardHeader>
      <CardBody>
        <DescriptionList isCompact isHorizontal>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('drives.size')}</DescriptionListTerm>
            <DescriptionListDescription>{formatBytes(drive.size, i18n.language)}</DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('drives.bus')}</DescriptionListTerm>
            <DescriptionListDescription>
              <span className="bootstick-drive-path">{drive.path}</span> · {drive.bus}
            </DescriptionListDescription>
          </DescriptionListGroup>
          {drive.mountpoints.length > 0 && (
            <DescriptionListGroup>
              <DescriptionListTerm>{t('drives.mounted')}</DescriptionListTerm>
              <DescriptionListDescription>{drive.mountpoints.join(', ')}</DescriptionListDescription>
            </DescriptionListGroup>
          )}
        </DescriptionList>
        <VerdictLabels verdict={drive.verdict} />
      </CardBody>
    </Card>
  );
}
