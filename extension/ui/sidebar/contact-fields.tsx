// The seeds' other ways of sorting customers, set from the sidebar: value tier A/B/C, stars 0-3,
// free tags, and notes. Current values come from the contact's own events (the latest of each),
// unless the caller passes fresher ones in `extras`.
import { useId, useState } from 'preact/hooks';
import type { AccountEvent } from '../../../shared/schema.ts';
import type { SidebarT } from '../../i18n/sidebar.ts';
import { ActionButton, type ActionRunner } from './action-runner.tsx';
import type { ContactCallbacks, Stars, Tier } from './contact-callbacks.ts';

export const TIERS: readonly Tier[] = ['A', 'B', 'C'];
export const STARS: readonly Stars[] = [0, 1, 2, 3];
const MAX_TAG = 40;
const MAX_TAGS = 50;
const MAX_NOTE = 4000;

/** Values the ContactView does not carry (yet): the caller may pass them; else they are read from the timeline. */
export interface ContactExtras {
  tier?: Tier | null;
  stars?: Stars | null;
  tags?: string[];
}

/** The latest tier, stars and tags in a contact's events (oldest first), overridden by `extras`. */
export function currentFields(events: readonly AccountEvent[], extras: ContactExtras = {}): Required<ContactExtras> {
  const fields: Required<ContactExtras> = { tier: null, stars: null, tags: [] };
  for (const event of events) {
    if (event.type === 'tier') fields.tier = event.tier;
    else if (event.type === 'stars') fields.stars = STARS.find((stars) => stars === event.stars) ?? null;
    else if (event.type === 'tags') fields.tags = event.tags;
  }
  if (extras.tier !== undefined) fields.tier = extras.tier;
  if (extras.stars !== undefined) fields.stars = extras.stars;
  if (extras.tags !== undefined) fields.tags = extras.tags;
  return fields;
}

export interface ContactFieldsProps extends Pick<ContactCallbacks, 'onSetTier' | 'onSetStars' | 'onSetTags' | 'onAddNote'> {
  email: string;
  fields: Required<ContactExtras>;
  t: SidebarT;
  runner: ActionRunner;
}

export function ContactFields({ email, fields, t, runner, onSetTier, onSetStars, onSetTags, onAddNote }: ContactFieldsProps) {
  return (
    <div class="tw-fields">
      <div class="tw-pair">
        <div class="tw-control" role="group" aria-label={t('tier.label')}>
          <span class="tw-control-label">{t('tier.label')}</span>
          <div class="tw-segmented">
            {TIERS.map((tier) => {
              const pressed = fields.tier === tier;
              return (
                <ActionButton
                  key={tier}
                  runner={runner}
                  action={`tier-${tier}`}
                  testId={`tier-${tier}`}
                  class="tw-tier"
                  pressed={pressed}
                  title={pressed ? `${t(`tier.${tier}`)} (${t('tier.clear')})` : t(`tier.${tier}`)}
                  label={t(`tier.${tier}`)}
                  onRun={() => onSetTier(email, pressed ? null : tier)}
                >
                  {tier}
                </ActionButton>
              );
            })}
          </div>
        </div>

        <div class="tw-control" role="group" aria-label={t('stars.label')}>
          <span class="tw-control-label">{t('stars.label')}</span>
          <div class="tw-segmented tw-stars">
            {STARS.map((stars) => (
              <ActionButton
                key={stars}
                runner={runner}
                action={`stars-${stars}`}
                testId={`stars-${stars}`}
                class={fields.stars !== null && stars > 0 && stars <= fields.stars ? 'tw-star tw-star-on' : 'tw-star'}
                pressed={fields.stars === stars}
                label={t(`stars.${stars}`)}
                title={t(`stars.${stars}`)}
                onRun={() => onSetStars(email, stars)}
              >
                {stars === 0 ? '0' : '\u2605'.repeat(stars)}
              </ActionButton>
            ))}
          </div>
        </div>
      </div>

      <Tags email={email} tags={fields.tags} t={t} runner={runner} onSetTags={onSetTags} />
      <Note email={email} t={t} runner={runner} onAddNote={onAddNote} />
    </div>
  );
}

function Tags({ email, tags, t, runner, onSetTags }: Pick<ContactFieldsProps, 'email' | 't' | 'runner' | 'onSetTags'> & { tags: string[] }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<'tags.error.long' | 'tags.error.many' | null>(null);

  const add = async () => {
    const tag = draft.trim().replace(/\s+/g, ' ');
    if (tag === '') return;
    if (tags.some((known) => known.toLowerCase() === tag.toLowerCase())) {
      setDraft('');
      return;
    }
    if (tag.length > MAX_TAG) return setProblem('tags.error.long');
    if (tags.length >= MAX_TAGS) return setProblem('tags.error.many');
    setProblem(null);
    if (await runner.run('tags', () => onSetTags(email, [...tags, tag]))) setDraft('');
  };

  return (
    <div class="tw-control" role="group" aria-label={t('tags.label')}>
      <span class="tw-control-label">{t('tags.label')}</span>
      {tags.length > 0 && (
        <ul class="tw-tags">
          {tags.map((tag) => (
            <li key={tag} class="tw-tag" data-testid="tag" data-tag={tag}>
              <span>{tag}</span>
              <ActionButton
                runner={runner}
                action={`tag-remove-${tag}`}
                testId="tag-remove"
                class="tw-tag-remove"
                label={t('tags.remove', { tag })}
                title={t('tags.remove', { tag })}
                onRun={() => onSetTags(email, tags.filter((other) => other !== tag))}
              >
                {'\u00d7'}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <form
        class="tw-inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input
          class="tw-input"
          data-testid="tag-input"
          value={draft}
          placeholder={t('tags.placeholder')}
          aria-label={t('tags.placeholder')}
          maxLength={MAX_TAG + 20}
          aria-invalid={problem !== null}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === ',' || event.key === '\uff0c') {
              event.preventDefault();
              void add();
            }
          }}
        />
        <button type="submit" class="tw-button" data-testid="tag-add" disabled={runner.pending !== null} aria-busy={runner.pending === 'tags'}>
          {t('tags.add')}
        </button>
      </form>
      {problem && (
        <p class="tw-error" role="alert" data-testid="tag-error">
          {t(problem)}
        </p>
      )}
    </div>
  );
}

function Note({ email, t, runner, onAddNote }: Pick<ContactFieldsProps, 'email' | 't' | 'runner' | 'onAddNote'>) {
  const [text, setText] = useState('');
  const id = useId();
  const tooLong = text.trim().length > MAX_NOTE;
  const busy = runner.pending === 'note';

  const save = async () => {
    const note = text.trim();
    if (note === '' || tooLong) return;
    if (await runner.run('note', () => onAddNote(email, note))) setText('');
  };

  return (
    <form
      class="tw-control tw-note"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <label class="tw-control-label" for={id}>
        {t('note.label')}
      </label>
      <textarea
        id={id}
        class="tw-input tw-textarea"
        data-testid="note-input"
        rows={2}
        value={text}
        placeholder={t('note.placeholder')}
        aria-invalid={tooLong}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Ctrl/Cmd+Enter saves, as in the webmail's own compose.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      {tooLong && (
        <p class="tw-error" role="alert" data-testid="note-error">
          {t('note.error.long')}
        </p>
      )}
      <div class="tw-row-buttons">
        <button type="submit" class="tw-button" data-testid="note-submit" disabled={runner.pending !== null || text.trim() === '' || tooLong} aria-busy={busy}>
          {busy ? t('actions.saving') : t('note.submit')}
        </button>
      </div>
    </form>
  );
}
