// `node --import ./tests/support/electronStandIn/register.mjs out/main/index.js` runs the built
// main bundle under plain Node with `electron` resolved to the stand-in next to this file.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
