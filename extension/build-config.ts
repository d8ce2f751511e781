// Values fixed at build time. `npm start` builds against the local Worker it started and hands the
// background the local account's token, so a fresh checkout works without pasting anything.
export const BUILD_WORKER_URL: string = import.meta.env.WXT_WORKER_URL ?? 'http://127.0.0.1:8787';
/** Only set by `npm start` for the local development account; empty in release builds. */
export const BUILD_DEV_TOKEN: string = import.meta.env.WXT_DEV_TOKEN ?? '';
/** Test builds only: lets the end-to-end tests move the background's clock forward. */
export const BUILD_TEST_HOOKS: boolean = import.meta.env.WXT_TEST_HOOKS === '1';
