import './tools.css';
import { Content, Stack, StackItem, Title } from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import type { ToolId } from '../stores/wizardStore';
import { HistoryTool } from './HistoryTool';
import { ProfilesTool } from './ProfilesTool';
import { SettingsTool } from './SettingsTool';
import { StationTool } from './StationTool';
import { UpdateTool } from './UpdateTool';
import { VerifyTool } from './VerifyTool';

/** A tool's heading (the page section is labelled by it, as a step's is) and the tool itself. */
export function ToolPage({ tool }: { tool: ToolId }) {
  const { t } = useTranslation();
  return (
    <Stack hasGutter>
      <StackItem>
        <Content>
          <Title headingLevel="h2" id="step-title">
            {t(`tools.${tool}.title`)}
          </Title>
          <p>{t(`tools.${tool}.intro`)}</p>
        </Content>
      </StackItem>
      <StackItem>
        {tool === 'verify' && <VerifyTool />}
        {tool === 'update' && <UpdateTool />}
        {tool === 'station' && <StationTool />}
        {tool === 'profiles' && <ProfilesTool />}
        {tool === 'history' && <HistoryTool />}
        {tool === 'settings' && <SettingsTool />}
      </StackItem>
    </Stack>
  );
}
