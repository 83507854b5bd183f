import {
  ActionGroup,
  Alert,
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  InputGroup,
  InputGroupItem,
  Spinner,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { useTranslation } from 'react-i18next';
import { parseBuildArgLines } from '../../../shared/containerImages/containerfileArgs';
import { LocalImageTagSchema } from '../../../shared/containerImages/containerfileBuild';
import type { FileDialogPurpose } from '../../../shared/fileDialog';
import { api } from '../../api';
import { isRunning, useImageBuildStore } from '../../stores/imageBuildStore';
import { BuildLog } from '../diskImages/BuildLog';
import { ExampleGallery } from './ExampleGallery';
import { ImageBuildOutcome } from './ImageBuildOutcome';

function Hint({ id, error, hint }: { id: string; error: string | null; hint: string }) {
  return (
    <FormHelperText>
      <HelperText id={id}>
        <HelperTextItem variant={error ? 'error' : 'default'}>{error ?? hint}</HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
}

/**
 * Builds a bootc image from a Containerfile with root's podman: a folder (by dialog, or a copy of
 * a gallery example), a localhost/ name, build arguments; then the live log, cancel and the outcome.
 */
export function ContainerfileBuild() {
  const { t } = useTranslation();
  const state = useImageBuildStore();
  const { contextDir, containerfile, tag, buildArgs, log, finished, startError, setField } = state;
  const running = isRunning(state);
  const args = parseBuildArgLines(buildArgs);
  const tagCheck = LocalImageTagSchema.safeParse(tag.trim());
  const tagError =
    tag.trim() !== '' && !tagCheck.success ? (tagCheck.error.issues[0]?.message ?? null) : null;
  const argsError = args.ok ? null : t('image.build.buildArgsError', { line: args.line });
  const ready = contextDir.trim().startsWith('/') && tagCheck.success && args.ok && !running;

  const pick = async (purpose: FileDialogPurpose, field: 'contextDir' | 'containerfile') => {
    const { path } = await api.call('openFileDialog', { purpose });
    if (!path) return;
    setField(field, path);
    // A Containerfile usually sits in its build folder: offer that folder when none is chosen yet.
    if (field === 'containerfile' && useImageBuildStore.getState().contextDir.trim() === '') {
      setField('contextDir', path.slice(0, path.lastIndexOf('/')) || '/');
    }
  };

  return (
    <>
      <ExampleGallery />
      <Form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void state.start();
        }}
      >
        <FormGroup label={t('image.build.contextDir')} fieldId="image-build-context" isRequired>
          <InputGroup>
            <InputGroupItem isFill>
              <TextInput
                id="image-build-context"
                value={contextDir}
                onChange={(_, value) => setField('contextDir', value)}
                aria-describedby="image-build-context-helper"
                isDisabled={running}
              />
            </InputGroupItem>
            <InputGroupItem>
              <Button
                variant="control"
                onClick={() => void pick('buildContext', 'contextDir')}
                isDisabled={running}
              >
                {t('image.build.chooseFolder')}
              </Button>
            </InputGroupItem>
          </InputGroup>
          <Hint id="image-build-context-helper" error={null} hint={t('image.build.contextDirHint')} />
        </FormGroup>
        <FormGroup label={t('image.build.containerfile')} fieldId="image-build-containerfile">
          <InputGroup>
            <InputGroupItem isFill>
              <TextInput
                id="image-build-containerfile"
                value={containerfile}
                onChange={(_, value) => setField('containerfile', value)}
                aria-describedby="image-build-containerfile-helper"
                isDisabled={running}
              />
            </InputGroupItem>
            <InputGroupItem>
              <Button
                variant="control"
                onClick={() => void pick('containerfile', 'containerfile')}
                isDisabled={running}
              >
                {t('image.build.chooseFile')}
              </Button>
            </InputGroupItem>
          </InputGroup>
          <Hint
            id="image-build-containerfile-helper"
            error={null}
            hint={t('image.build.containerfileHint')}
          />
        </FormGroup>
        <FormGroup label={t('image.build.tag')} fieldId="image-build-tag" isRequired>
          <TextInput
            id="image-build-tag"
            value={tag}
            onChange={(_, value) => setField('tag', value)}
            validated={tagError ? 'error' : 'default'}
            aria-describedby="image-build-tag-helper"
            placeholder="localhost/my-bootc:latest"
            isDisabled={running}
          />
          <Hint id="image-build-tag-helper" error={tagError} hint={t('image.build.tagHint')} />
        </FormGroup>
        <FormGroup label={t('image.build.buildArgs')} fieldId="image-build-args">
          <TextArea
            id="image-build-args"
            value={buildArgs}
            onChange={(_, value) => setField('buildArgs', value)}
            validated={argsError ? 'error' : 'default'}
            aria-describedby="image-build-args-helper"
            resizeOrientation="vertical"
            rows={3}
            isDisabled={running}
          />
          <Hint id="image-build-args-helper" error={argsError} hint={t('image.build.buildArgsHint')} />
        </FormGroup>
        <ActionGroup>
          <Button type="submit" isDisabled={!ready}>
            {t('image.build.start')}
          </Button>
          {running ? (
            <Button variant="danger" onClick={() => void state.cancel()}>
              {t('image.build.cancel')}
            </Button>
          ) : null}
        </ActionGroup>
      </Form>
      {startError ? (
        <Alert variant="danger" isInline title={t('image.build.notStarted', { message: startError })} />
      ) : null}
      {running ? (
        <p>
          <Spinner size="md" aria-hidden /> {t('image.build.running', { tag })}
        </p>
      ) : null}
      {finished ? <ImageBuildOutcome finished={finished} /> : null}
      {state.buildId ? <BuildLog lines={log} buildId={null} /> : null}
    </>
  );
}
