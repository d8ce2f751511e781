// "Log order" with an optional amount: a small inline form checked here with the same limits as
// the order event's schema, so the rep reads a plain sentence instead of a refused sync later.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarKey, SidebarT } from '../../i18n/sidebar.ts';
import type { ActionRunner } from './action-runner.tsx';
import type { ContactCallbacks, OrderInput } from './contact-callbacks.ts';

export type OrderCheck = { ok: true; order: OrderInput } | { ok: false; field: 'amount' | 'currency'; error: SidebarKey };

/**
 * Reads what a rep types: "12500", "12,500.50" (thousands with commas), "12500,5" (a decimal comma),
 * spaces anywhere. The currency is only needed, and only checked, with an amount.
 */
export function checkOrder(amountText: string, currencyText: string): OrderCheck {
  const raw = amountText.replace(/[\s\u00a0']/g, '');
  if (raw === '') return { ok: true, order: { kind: 'order' } };
  let normal = raw;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw)) normal = raw.replace(/,/g, '');
  else if (/^\d+,\d{1,2}$/.test(raw)) normal = raw.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return { ok: false, field: 'amount', error: 'order.error.number' };
  const amount = Number(normal);
  if (!(amount > 0)) return { ok: false, field: 'amount', error: 'order.error.positive' };
  if (amount > 1e12) return { ok: false, field: 'amount', error: 'order.error.large' };
  const currency = currencyText.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) return { ok: false, field: 'currency', error: 'order.error.currency' };
  return { ok: true, order: { kind: 'order', amount, currency } };
}

export interface OrderFormProps extends Pick<ContactCallbacks, 'onLogOrder'> {
  email: string;
  /** The contact's last order currency, else the rep's usual one. */
  defaultCurrency: string;
  t: SidebarT;
  runner: ActionRunner;
  onClose: () => void;
}

export function OrderForm({ email, defaultCurrency, t, runner, onLogOrder, onClose }: OrderFormProps) {
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(defaultCurrency);
  const [problem, setProblem] = useState<Extract<OrderCheck, { ok: false }> | null>(null);
  const amountInput = useRef<HTMLInputElement>(null);
  useEffect(() => amountInput.current?.focus(), []);
  const busy = runner.pending === 'order';

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkOrder(amount, currency);
    if (!checked.ok) {
      setProblem(checked);
      return;
    }
    setProblem(null);
    if (await runner.run('order', () => onLogOrder(email, checked.order))) onClose();
  };

  return (
    <form class="tw-order-form" data-testid="order-form" onSubmit={submit} noValidate>
      <div class="tw-order-fields">
        <label class="tw-field">
          <span>{t('order.amount')}</span>
          <input
            ref={amountInput}
            class="tw-input"
            data-testid="order-amount"
            inputMode="decimal"
            autoComplete="off"
            value={amount}
            aria-invalid={problem?.field === 'amount'}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </label>
        <label class="tw-field tw-field-currency">
          <span>{t('order.currency')}</span>
          <input
            class="tw-input"
            data-testid="order-currency"
            maxLength={3}
            autoComplete="off"
            spellcheck={false}
            value={currency}
            aria-invalid={problem?.field === 'currency'}
            onInput={(event) => setCurrency(event.currentTarget.value.toUpperCase())}
          />
        </label>
      </div>
      {problem && (
        <p class="tw-error" role="alert" data-testid="order-error" data-field={problem.field}>
          {t(problem.error)}
        </p>
      )}
      <div class="tw-row-buttons">
        <button type="submit" class="tw-button tw-primary" data-testid="order-submit" disabled={runner.pending !== null} aria-busy={busy}>
          {busy ? t('actions.saving') : t('order.submit')}
        </button>
        <button type="button" class="tw-button" data-testid="order-cancel" onClick={onClose}>
          {t('order.cancel')}
        </button>
      </div>
    </form>
  );
}
