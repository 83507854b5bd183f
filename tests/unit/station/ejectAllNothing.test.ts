import { describe, expect, it } from 'vitest';
import { createStationService } from '../../../src/core/station/stationService';
import { AppError } from '../../../src/shared/errors';

describe('eject all with no stick written', () => {
  it('is refused in words before the helper is asked anything', async () => {
    let asked = false;
    const service = createStationService({
      helper: async () => {
        asked = true;
        throw new Error('the helper must not be started for nothing');
      },
      virtual: () => true,
      onChange: () => {},
      newJobId: () => 'job',
    });
    const error = await service.ejectAll().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalidInput');
    expect((error as AppError).message).toBe(
      'No stick the station wrote is in its slot now: there is nothing to eject.',
    );
    expect(asked).toBe(false);
  });
});
