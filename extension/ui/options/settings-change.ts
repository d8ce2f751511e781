// A settings change as the background receives it: checked values, not raw form input.
import type { Request } from '../../requests.ts';

export type SettingsChange = Extract<Request, { type: 'settings-save' }>['patch'];
