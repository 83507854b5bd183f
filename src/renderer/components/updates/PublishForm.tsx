import {
  ActionGroup,
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  ExpandableSection,
  Form,
  FormGroup,
  Stack,
  StackItem,
  TextInput,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { TagSchema } from '../../../shared/updates/pushImage';
import { StartPushInputSchema } from '../../../shared/updates/updateCalls';
import { useUpdateStore } from '../../stores/updateStore';
import { FieldHint } from '../../tools/FieldHint';
import { PushProgressView } from './PushProgressView';
import { pushOutcomeLines } from './pushOutcomeLines';

/** podman's last lines, enough to see what a registry said. */
const SHOWN_LOG_LINES = 40;

/**
 * Publish the version: the image in root's storage is pushed under the version's reference, then
 * the moving tag is pointed at exactly that (only after the version is complete). Both references
 * are checked as the person types; the push shows its progress, can be cancelled, and ends in words.
 */
export function PublishForm() {
  const { t } = useTranslation();
  const { image, destination, movingTag, insecure, pushId, pushProgress, pushLog, pushEnd, pushStartError } =
    useUpdateStore();
  const { set, push, cancelPush } = useUpdateStore();
  const typedDestination = destination.trim();
  const destinationBad =
    typedDestination !== '' && !StartPushInputSchema.shape.destination.safeParse(typedDestination).success;
  const typedTag = movingTag.trim();
  const tagBad = typedTag !== '' && !TagSchema.safeParse(typedTag).success;
  const running = pushId !== null && pushEnd === null && pushStartError === null;
  const ready = image.trim() !== '' && typedDestination !== '' && !destinationBad && !tagBad && !running;
  return (
    <Stack hasGutter>
      <StackItem>
        <Form
          isWidthLimited
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) void push();
          }}
        >
          <FormGroup label={t('updates.tool.imageLabel')} fieldId="push-image" isRequired>
            <TextInput
              id="push-image"
              value={image}
              isRequired
              onChange={(_, value) => set({ image: value })}
              aria-describedby="push-image-helper"
              isDisabled={running}
              spellCheck={false}
              autoComplete="off"
            />
            <FieldHint id="push-image-helper" error={null} hint={t('updates.tool.imageHint')} />
          </FormGroup>
          <FormGroup label={t('updates.tool.destinationLabel')} fieldId="push-destination" isRequired>
            <TextInput
              id="push-destination"
              value={destination}
              isRequired
              onChange={(_, value) => set({ destination: value })}
              validated={destinationBad ? 'error' : 'default'}
              aria-invalid={destinationBad}
              aria-describedby="push-destination-helper"
              isDisabled={running}
              spellCheck={false}
              autoComplete="off"
            />
            <FieldHint
              id="push-destination-helper"
              error={destinationBad ? t('updates.tool.destinationInvalid', { ref: typedDestination }) : null}
              hint={t('updates.tool.destinationHint')}
            />
          </FormGroup>
          <FormGroup label={t('updates.tool.movingTagLabel')} fieldId="push-moving-tag">
            <TextInput
              id="push-moving-tag"
              value={movingTag}
              onChange={(_, value) => set({ movingTag: value })}
              validated={tagBad ? 'error' : 'default'}
              aria-invalid={tagBad}
              aria-describedby="push-moving-tag-helper"
              isDisabled={running}
              spellCheck={false}
              autoComplete="off"
            />
            <FieldHint
              id="push-moving-tag-helper"
              error={tagBad ? t('updates.tool.movingTagInvalid', { tag: typedTag }) : null}
              hint={t('updates.tool.movingTagHint')}
            />
          </FormGroup>
          {insecure ? <Alert variant="info" isInline isPlain title={t('updates.tool.insecure')} /> : null}
          <ActionGroup>
            <Button type="submit" isDisabled={!ready}>
              {t('updates.tool.push')}
            </Button>
            {running ? (
              <Button variant="secondary" isDanger onClick={() => void cancelPush()}>
                {t('updates.tool.cancel')}
              </Button>
            ) : null}
          </ActionGroup>
        </Form>
      </StackItem>
      {pushStartError ? (
        <StackItem>
          <Alert
            variant="danger"
            isInline
            title={t('updates.tool.notStarted', { message: pushStartError })}
          />
        </StackItem>
      ) : null}
      {pushProgress && !pushEnd ? (
        <StackItem>
          <PushProgressView progress={pushProgress} movingTag={typedTag} />
        </StackItem>
      ) : null}
      {pushEnd ? (
        <StackItem>
          <Alert
            variant={
              pushEnd.state === 'succeeded' ? 'success' : pushEnd.state === 'cancelled' ? 'info' : 'danger'
            }
            isInline
            title={pushOutcomeLines(pushEnd, t)[0] ?? ''}
            data-testid="push-outcome"
          >
            {pushOutcomeLines(pushEnd, t)
              .slice(1)
              .map((line) => (
                <p key={line}>{line}</p>
              ))}
          </Alert>
        </StackItem>
      ) : null}
      {pushLog.length > 0 ? (
        <StackItem>
          <ExpandableSection toggleText={t('updates.tool.log')}>
            <CodeBlock>
              <CodeBlockCode>{pushLog.slice(-SHOWN_LOG_LINES).join('\n')}</CodeBlockCode>
            </CodeBlock>
          </ExpandableSection>
        </StackItem>
      ) : null}
    </Stack>
  );
}
