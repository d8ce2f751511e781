import { render } from 'preact';
import { afterEach, expect, test } from 'vitest';
import type { ContactState } from '../../shared/contact-state.ts';
import type { Language } from '../settings.ts';
import { StateBadge } from './state-badge.tsx';

const root = document.createElement('div');
afterEach(() => render(null, root));

test.each<[ContactState, Language, string]>([
  ['ordered', 'en', 'Ordered'],
  ['replied', 'en', 'Replied'],
  ['opened-no-reply', 'en', 'Opened, no reply'],
  ['inactive', 'en', 'Inactive'],
  ['archived', 'en', 'Archived'],
  ['ordered', 'zh', '已下单'],
  ['replied', 'zh', '已回复'],
  ['opened-no-reply', 'zh', '已读未回'],
  ['inactive', 'zh', '不活跃'],
  ['archived', 'zh', '已归档'],
])('%s in %s reads "%s", with its colour class', (state, language, label) => {
  render(<StateBadge state={state} language={language} />, root);
  const badge = root.querySelector('[data-testid="state-badge"]');
  expect(badge?.textContent).toBe(label);
  expect(badge?.getAttribute('data-state')).toBe(state);
  expect(badge?.classList.contains(`tw-state-${state}`)).toBe(true);
  // The dot is decoration: the name is the only thing a screen reader gets.
  expect(badge?.querySelector('.tw-badge-dot')?.getAttribute('aria-hidden')).toBe('true');
});
