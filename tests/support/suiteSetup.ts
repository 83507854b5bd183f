import { beforeAll } from 'vitest';
import { requireBuild } from './builtApp';
import { requireRoot } from './loopDevices';
import { CONTAINERS_CONF } from './podman';

// The one set-up every integration and end-to-end file runs (vitest `setupFiles`), so a new test
// file needs none of its own: these tests attach loop devices and start the built CLI, helper and
// renderer, so they need root and `npm run build`; and root's podman on this host needs the test
// containers.conf (tests/fixtures/podman), which everything the tests start inherits.
process.env.CONTAINERS_CONF = CONTAINERS_CONF;

beforeAll(() => {
  requireRoot();
  requireBuild();
});
