import { createApi } from '../shared/bridge';

/** The typed contract client every store uses. */
export const api = createApi(window.bootstick);
