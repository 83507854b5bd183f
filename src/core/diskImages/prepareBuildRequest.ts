import { createHash } from 'node:crypto';
import { type Blueprint, BlueprintSchema } from '../../shared/blueprint/blueprintSchema';
import {
  type BuildRequest,
  BuildRequestSchema,
  type ParsedBuildRequest,
} from '../../shared/diskImages/buildRecord';
import { prepareForExport } from '../blueprint/exportBlueprint';
import { canonicalJson } from './canonicalJson';
import { withoutPasswords } from './passwordShape';

export interface PreparedBuild {
  request: ParsedBuildRequest;
  /** The blueprint as given (passwords maybe plain): only compared, never stored or sent. */
  given: Blueprint;
  /** The blueprint bib gets: validated, every password hashed. */
  config: Blueprint;
  configSha256: string;
  /** The config with passwords reduced to set/unset: the cache key's part (passwordShape.ts). */
  configShapeSha256: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Refuses a bad request before a build exists: the same rules as the form, every problem named
 * (BlueprintRefusedError). Then hashes passwords: from here on no plain password exists anywhere
 * a build touches (record, log, config file).
 */
export function prepareBuildRequest(input: BuildRequest): PreparedBuild {
  const request = BuildRequestSchema.parse(input);
  const context = { imageType: request.type, ...(request.rootfs ? { rootfs: request.rootfs } : {}) };
  const config = prepareForExport(request.config, context);
  return {
    request,
    given: BlueprintSchema.parse(request.config),
    config,
    configSha256: sha256(canonicalJson(config)),
    configShapeSha256: sha256(canonicalJson(withoutPasswords(config))),
  };
}
