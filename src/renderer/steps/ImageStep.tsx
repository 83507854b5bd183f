import { Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { ContainerfileBuild } from '../components/image/ContainerfileBuild';
import { DiskImagePicker } from '../components/image/DiskImagePicker';
import { FlashFileStart } from '../components/image/FlashFileStart';
import { ReferenceForm } from '../components/image/ReferenceForm';
import '../components/image/image.css';
import { type ImageSource, useImageStore } from '../stores/imageStore';

/**
 * Where the image comes from: a bootc image reference (typed, or one already in local storage),
 * a Containerfile to build into one, or a finished disk image file that goes straight to Flash
 * (offered first, as the short way).
 */
export function ImageStep() {
  const { t } = useTranslation();
  const { source, setSource } = useImageStore();
  return (
    <>
      <FlashFileStart />
      <Tabs
        activeKey={source}
        onSelect={(_, key) => setSource(key as ImageSource)}
        aria-label={t('image.sourceLabel')}
        mountOnEnter
      >
        <Tab eventKey="reference" title={<TabTitleText>{t('image.tabs.reference')}</TabTitleText>}>
          <div className="bootstick-image-tab">
            <ReferenceForm />
          </div>
        </Tab>
        <Tab eventKey="containerfile" title={<TabTitleText>{t('image.tabs.containerfile')}</TabTitleText>}>
          <div className="bootstick-image-tab">
            <ContainerfileBuild />
          </div>
        </Tab>
        <Tab eventKey="diskImage" title={<TabTitleText>{t('image.tabs.diskImage')}</TabTitleText>}>
          <div className="bootstick-image-tab">
            <DiskImagePicker />
          </div>
        </Tab>
      </Tabs>
    </>
  );
}
