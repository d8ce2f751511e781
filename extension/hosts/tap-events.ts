// What the MAIN-world taps announce (gmail-tap.ts, outlook-tap.ts), read back in the isolated
// world. The page shares the document with the tap and can dispatch the same events with any
// detail, so every detail is JSON checked field by field, and only the fields we use come out.
// Written by hand rather than with zod: zod was most of the content script's size, and Gmail's
// Trusted Types refuse the code it compiles.
import type { SentAddress, SentMessage, SentPixel } from './gmail-send-request.ts';
import type { OutlookPerson } from './outlook-people.ts';

/** What a send confirmation needs from either tap's message (SentMessage, OutlookSentMessage). */
export type SentDetail = Pick<SentMessage, 'threadId' | 'to' | 'cc' | 'bcc' | 'subject' | 'at'> & {
  pixels: Array<Pick<SentPixel, 'prefix' | 'messageId'>>;
};

/** A detail read, or why not: the first field that is wrong, by its path ("to[1].email"). */
export type TapReading<T> = { ok: true; value: T } | { ok: false; error: string };

export function readSentDetail(json: string): TapReading<SentDetail> {
  return read(json, (value) => {
    const sent = record(value, 'detail');
    return {
      threadId: nullable(string)(sent.threadId, 'threadId'),
      to: array(address)(sent.to, 'to'),
      cc: array(address)(sent.cc, 'cc'),
      bcc: array(address)(sent.bcc, 'bcc'),
      subject: string(sent.subject, 'subject'),
      at: nullable(number)(sent.at, 'at'),
      pixels: array(pixel)(sent.pixels, 'pixels'),
    };
  });
}

export function readPeopleDetail(json: string): TapReading<OutlookPerson[]> {
  return read(json, (value) => array(person)(value, 'detail'));
}

type Reader<T> = (value: unknown, path: string) => T;

const address: Reader<SentAddress> = (value, path) => {
  const entry = record(value, path);
  const email = string(entry.email, `${path}.email`);
  return entry.name === undefined ? { email } : { email, name: string(entry.name, `${path}.name`) };
};

const pixel: Reader<Pick<SentPixel, 'prefix' | 'messageId'>> = (value, path) => {
  const entry = record(value, path);
  return { prefix: string(entry.prefix, `${path}.prefix`), messageId: string(entry.messageId, `${path}.messageId`) };
};

const person: Reader<OutlookPerson> = (value, path) => {
  const entry = record(value, path);
  return { email: string(entry.email, `${path}.email`), name: string(entry.name, `${path}.name`) };
};

/** Thrown by the readers below and turned into a reading by `read`; never leaves this file. */
class Malformed extends Error {}

function read<T>(json: string, shape: (value: unknown) => T): TapReading<T> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: 'detail is not JSON' };
  }
  try {
    return { ok: true, value: shape(value) };
  } catch (error) {
    if (error instanceof Malformed) return { ok: false, error: error.message };
    throw error;
  }
}

function malformed(path: string, expected: string, value: unknown): never {
  // The kind of value only: the page's data (addresses, subjects) stays out of the console.
  const found =
    value === null ? 'null'
    : value === undefined ? 'missing'
    : Array.isArray(value) ? 'an array'
    : typeof value === 'object' ? 'an object'
    : `a ${typeof value}`;
  throw new Malformed(`${path} should be ${expected}, is ${found}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const record: Reader<Record<string, unknown>> = (value, path) => (isRecord(value) ? value : malformed(path, 'an object', value));
const string: Reader<string> = (value, path) => (typeof value === 'string' ? value : malformed(path, 'a string', value));
const number: Reader<number> = (value, path) => (typeof value === 'number' && Number.isFinite(value) ? value : malformed(path, 'a number', value));

const nullable = <T>(reader: Reader<T>): Reader<T | null> => (value, path) => (value === null ? null : reader(value, path));

const array = <T>(reader: Reader<T>): Reader<T[]> => (value, path) =>
  Array.isArray(value) ? value.map((item, index) => reader(item, `${path}[${index}]`)) : malformed(path, 'an array', value);
