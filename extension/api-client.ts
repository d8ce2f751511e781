// The background's client for the Worker API. Responses are parsed with the shared schemas, and
// every failure becomes an ApiError whose kind tells the rep what to fix.
import { z } from 'zod';
import { apiError, eventPage, me, postEventsResponse, type ClientEvent, type Me } from '../shared/schema.ts';

export type ApiErrorKind = 'unreachable' | 'unauthorized' | 'not-tidewise' | 'rejected' | 'conflict' | 'rate-limited' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiConfig {
  workerUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function request<T>(config: ApiConfig, path: string, schema: z.ZodType<T>, init: RequestInit = {}): Promise<T> {
  let url: URL;
  try {
    url = new URL(path, config.workerUrl.endsWith('/') ? config.workerUrl : `${config.workerUrl}/`);
  } catch {
    throw new ApiError('unreachable', `"${config.workerUrl}" is not a valid Worker URL`);
  }
  let response: Response;
  try {
    response = await (config.fetch ?? fetch)(url, {
      ...init,
      headers: { Authorization: `Bearer ${config.token}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      signal: AbortSignal.timeout(config.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new ApiError('unreachable', `cannot reach the Worker at ${url.origin} (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = await response.text();
  const body = parseJson(text);
  if (response.ok) {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError('not-tidewise', `${url.origin} answered, but not like a Tidewise Worker: check the URL`, response.status);
    return parsed.data;
  }
  const tidewiseError = apiError.safeParse(body).data?.error;
  const message = tidewiseError ?? `HTTP ${response.status}`;
  if (response.status === 401) throw new ApiError('unauthorized', `the Worker refused the token: ${message}`, 401);
  // Our Worker always answers JSON errors; anything else is some other server.
  if (tidewiseError === undefined && response.status < 500 && response.status !== 429) {
    throw new ApiError('not-tidewise', `${url.origin} answered HTTP ${response.status}, but not like a Tidewise Worker: check the URL`, response.status);
  }
  if (response.status === 409) throw new ApiError('conflict', message, 409, undefined, body);
  if (response.status === 429 || response.status === 503) {
    throw new ApiError('rate-limited', message, response.status, retryAfter(response.headers.get('Retry-After')));
  }
  if (response.status >= 500) throw new ApiError('server', `the Worker failed: ${message}`, response.status);
  throw new ApiError('rejected', message, response.status, undefined, body);
}

export function getMe(config: ApiConfig): Promise<Me> {
  return request(config, 'api/me', me);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

export function postEvents(config: ApiConfig, events: readonly ClientEvent[]) {
  return request(config, 'api/events', postEventsResponse, { method: 'POST', body: JSON.stringify({ events }) });
}

export function getEventPage(config: ApiConfig, after: string, limit = 500) {
  return request(config, `api/events?after=${encodeURIComponent(after)}&limit=${limit}`, eventPage);
}
