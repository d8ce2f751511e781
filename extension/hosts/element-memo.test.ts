import { beforeEach, describe, expect, test, vi } from 'vitest';
import { elementMemo } from './element-memo.ts';

// A message-like element: a header with a sender, a body with lines of text.
function message(sender: string, ...lines: string[]): HTMLElement {
  const element = document.createElement('div');
  element.innerHTML = `<div class="hdr"><span title="${sender}">${sender}</span></div><div class="body">${lines.map((line) => `<p>${line}</p>`).join('')}</div>`;
  return element;
}

let reads: Element[];
const readSender = (element: Element) => {
  reads.push(element);
  return `${element.querySelector('span')?.getAttribute('title')}: ${element.querySelector('.body')?.textContent}`;
};

beforeEach(() => {
  reads = [];
  document.body.replaceChildren();
});

test('an element is read once while nothing inside it changes', () => {
  const memo = elementMemo(readSender);
  const a = message('anna@x.de', 'Hello');
  const b = message('carlos@y.mx', 'Hola');
  document.body.append(a, b);
  expect(memo.get(a)).toBe('anna@x.de: Hello');
  expect(memo.get(b)).toBe('carlos@y.mx: Hola');
  expect(memo.get(a)).toBe('anna@x.de: Hello');
  expect(memo.get(b)).toBe('carlos@y.mx: Hola');
  expect(reads).toEqual([a, b]);
});

describe.each([
  ['its text changes', (el: Element) => void (el.querySelector('p')!.firstChild!.nodeValue = 'Bye'), 'anna@x.de: Bye'],
  ['an attribute inside it changes', (el: Element) => el.querySelector('span')!.setAttribute('title', 'anna@z.de'), 'anna@z.de: Hello'],
  ['a line is added', (el: Element) => el.querySelector('.body')!.append(Object.assign(document.createElement('p'), { textContent: 'Again' })), 'anna@x.de: HelloAgain'],
  ['its body is removed', (el: Element) => el.querySelector('.body')!.remove(), 'anna@x.de: undefined'],
])('when %s', (_change, change, expected) => {
  test('it is read again at once (no waiting for the observer), and only it', () => {
    const memo = elementMemo(readSender);
    const a = message('anna@x.de', 'Hello');
    const b = message('carlos@y.mx', 'Hola');
    document.body.append(a, b);
    memo.get(a);
    memo.get(b);
    change(a);
    expect(memo.get(a)).toBe(expected);
    expect(memo.get(b)).toBe('carlos@y.mx: Hola');
    expect(reads).toEqual([a, b, a]);
  });

  test('also after the observer has had its records', async () => {
    const memo = elementMemo(readSender);
    const a = message('anna@x.de', 'Hello');
    document.body.append(a);
    memo.get(a);
    change(a);
    await Promise.resolve();
    await Promise.resolve();
    expect(memo.get(a)).toBe(expected);
    expect(reads).toEqual([a, a]);
  });
});

test('a change inside a nested element forgets the element around it too', () => {
  const memo = elementMemo((element: Element) => {
    reads.push(element);
    return element.textContent;
  });
  const outer = message('anna@x.de', 'Hello');
  const inner = message('klaus@x.de', 'Quoted');
  outer.querySelector('.body')!.append(inner);
  document.body.append(outer);
  memo.get(outer);
  memo.get(inner);
  inner.querySelector('p')!.textContent = 'Changed';
  expect(memo.get(inner)).toContain('Changed');
  expect(memo.get(outer)).toContain('Changed');
  expect(reads).toEqual([outer, inner, inner, outer]);
});

test('changes beside the element (a new sibling, the page around it) keep what was read', () => {
  const memo = elementMemo(readSender);
  const a = message('anna@x.de', 'Hello');
  document.body.append(a);
  memo.get(a);
  document.body.append(message('new@x.de', 'New'));
  document.body.setAttribute('class', 'busy');
  expect(memo.get(a)).toBe('anna@x.de: Hello');
  expect(reads).toEqual([a]);
});

test('clear forgets everything (the reading depends on something outside the elements)', () => {
  let suffix = '';
  const read = vi.fn((element: Element) => `${element.textContent}${suffix}`);
  const memo = elementMemo(read);
  const a = message('anna@x.de', 'Hello');
  document.body.append(a);
  expect(memo.get(a)).toBe('anna@x.deHello');
  suffix = '!';
  expect(memo.get(a)).toBe('anna@x.deHello');
  memo.clear();
  expect(memo.get(a)).toBe('anna@x.deHello!');
  expect(read).toHaveBeenCalledTimes(2);
});
