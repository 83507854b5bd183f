import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Drive } from 'drivelist';
import { factsFromDrivelist, type HostDiskFacts } from '../../src/core/drives/factsFromDrivelist';
import type { DriveFacts } from '../../src/shared/drives/driveFacts';

const DIR = join(import.meta.dirname, '../fixtures/drives');

export interface DriveFixture {
  note: string;
  drive: Drive;
  host: HostDiskFacts;
}

export const FIXTURE_NAMES = readdirSync(DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.replace(/\.json$/, ''));

export function loadDriveFixture(name: string): DriveFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as DriveFixture;
}

/** A recorded drivelist entry plus host facts, as main would merge them. */
export function fixtureFacts(name: string): DriveFacts {
  const fixture = loadDriveFixture(name);
  return factsFromDrivelist(fixture.drive, fixture.host);
}
