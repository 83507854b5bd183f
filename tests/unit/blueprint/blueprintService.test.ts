import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlueprintService } from '../../../src/core/blueprint/blueprintService';
import {
  CheckBlueprintOutputSchema,
  ExportBlueprintOutputSchema,
} from '../../../src/shared/blueprint/blueprintCalls';
import { BlueprintImportResultSchema } from '../../../src/shared/blueprint/blueprintImport';
import { SshKeyInspectionSchema } from '../../../src/shared/blueprint/sshKeyInfo';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bootstick-blueprint-service-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('the blueprint calls the router exposes', () => {
  it('answer a form that does not have the model’s shape with problems, not a bare error', () => {
    const service = createBlueprintService(dataDir);
    const problems = service.checkBlueprint({
      blueprint: { customizations: { user: [{ name: 'a', uid: 'x' }] } },
    });
    expect(CheckBlueprintOutputSchema.parse(problems)).toEqual([
      {
        path: ['customizations', 'user', 0, 'uid'],
        severity: 'error',
        message: '"customizations.user[0].uid" must be a whole number.',
        words: {
          key: 'schema.mustBe',
          values: { label: '"customizations.user[0].uid"', expectedKeys: 'schema.wholeNumber' },
        },
      },
    ]);
  });

  it('export returns the text, or the problems that refuse it', () => {
    const service = createBlueprintService(dataDir);
    const ok = service.exportBlueprint({
      blueprint: { customizations: { kernel: { append: 'quiet' } } },
      format: 'toml',
    });
    expect(ExportBlueprintOutputSchema.parse(ok)).toEqual({
      ok: true,
      text: '[customizations.kernel]\nappend = "quiet"\n',
    });
    const refused = service.exportBlueprint({
      blueprint: { customizations: { iso: { volume_id: 'A B' } } },
      format: 'json',
      imageType: 'anaconda-iso',
    });
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ path: ['customizations', 'iso', 'volume_id'] }],
    });
  });

  it('import and SSH key inspection answer with the contract’s shapes', () => {
    const service = createBlueprintService(dataDir);
    const imported = service.importBlueprint({
      text: '[customizations.kernel]\nappend = "x"\n',
      fileName: 'config.toml',
    });
    expect(BlueprintImportResultSchema.parse(imported)).toMatchObject({ ok: true, format: 'toml' });
    expect(SshKeyInspectionSchema.parse(service.inspectSshKeys({ key: 'nope' }))).toMatchObject({
      ok: false,
    });
  });

  it('saving a profile refuses a malformed blueprint and keeps a good one, hashed', async () => {
    const service = createBlueprintService(dataDir);
    await expect(service.saveProfile({ name: 'p', blueprint: { birds: [] } })).rejects.toMatchObject({
      code: 'invalidInput',
      message: expect.stringContaining('Unknown key "birds"'),
    });
    const saved = await service.saveProfile({
      name: 'p',
      blueprint: { customizations: { user: [{ name: 'a', password: 'pw' }] } },
    });
    expect(saved.blueprint.customizations?.user?.[0]?.password).toMatch(/^\$6\$/);
    expect(await service.listProfiles()).toEqual([{ name: 'p', updatedAt: saved.updatedAt }]);
    expect(await service.exportProfile({ name: 'p' })).toContain('[[customizations.user]]');
    expect(await service.deleteProfile({ name: 'p' })).toBe(true);
  });
});
