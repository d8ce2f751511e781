import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afterNextFrame, watchPage } from './page-watcher.ts';

// Flushes run when the test says so: `frames` holds what the watcher asked to run next frame.
let frames: Array<() => void>;
let controller: AbortController;
const schedule = (flush: () => void) => void frames.push(flush);
const nextFrame = async () => {
  await Promise.resolve(); // MutationObserver records are delivered as a microtask
  const pending = frames;
  frames = [];
  for (const flush of pending) flush();
  return pending.length;
};
const div = (text = '') => Object.assign(document.createElement('div'), { textContent: text });

beforeEach(() => {
  frames = [];
  controller = new AbortController();
  document.body.replaceChildren();
});
afterEach(() => controller.abort());

describe('the body observer', () => {
  test('500 elements added in one task make one flush and one call with all of them', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const calls: number[] = [];
    watcher.subscribe((added) => calls.push(added.length), controller.signal);
    for (let i = 0; i < 500; i++) document.body.append(div(String(i)));
    expect(await nextFrame()).toBe(1);
    expect(calls).toEqual([500]);
    expect(await nextFrame()).toBe(0);
  });

  test('a subscriber with a selector hears only additions that match or contain it; each selector is searched once per flush', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const messages = [vi.fn(), vi.fn()];
    const everything = vi.fn();
    for (const callback of messages) watcher.subscribe(callback, controller.signal, '.message');
    watcher.subscribe(everything, controller.signal);
    document.body.append(div('banner'));
    await nextFrame();
    expect([...messages.map((callback) => callback.mock.calls.length), everything.mock.calls.length]).toEqual([0, 0, 1]);

    const matches = vi.spyOn(Element.prototype, 'matches');
    const thread = div();
    thread.append(Object.assign(div('hello'), { className: 'message' }));
    document.body.append(thread);
    await nextFrame();
    const searches = matches.mock.calls.filter(([selector]) => selector === '.message').length;
    matches.mockRestore();
    expect([...messages.map((callback) => callback.mock.calls.length), everything.mock.calls.length]).toEqual([1, 1, 2]);
    expect(searches).toBe(1);
  });

  test('additions across frames flush once per frame; text and removed nodes are not handed on', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const seen: string[][] = [];
    watcher.subscribe((added) => seen.push(added.map((el) => el.textContent ?? '')), controller.signal);
    const gone = div('gone');
    document.body.append(div('a'), gone, document.createTextNode('text'));
    gone.remove();
    await nextFrame();
    document.body.append(div('b'));
    await nextFrame();
    expect(seen).toEqual([['a'], ['b']]);
  });

  test('the default schedule is one animation frame', async () => {
    const watcher = watchPage(document, controller.signal);
    const calls: number[] = [];
    watcher.subscribe((added) => calls.push(added.length), controller.signal);
    for (let i = 0; i < 200; i++) document.body.append(div());
    await vi.waitFor(() => expect(calls).toEqual([200]));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(calls).toEqual([200]);
  });

  test('a failing subscriber is logged and the others still hear', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const watcher = watchPage(document, controller.signal, { schedule });
    const calls: string[] = [];
    watcher.subscribe(() => {
      throw new Error('boom');
    }, controller.signal);
    watcher.subscribe(() => calls.push('second'), controller.signal);
    document.body.append(div());
    await nextFrame();
    expect(calls).toEqual(['second']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  test('abort disconnects everything: no flush is even scheduled afterwards', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const calls = vi.fn();
    watcher.subscribe(calls, controller.signal);
    const anchor = div();
    document.body.append(anchor);
    await nextFrame();
    watcher.scope(anchor, calls, controller.signal);
    controller.abort();
    document.body.append(div());
    anchor.append(div());
    expect(await nextFrame()).toBe(0);
    expect(calls).toHaveBeenCalledTimes(1);
  });

  test("a subscriber's own signal unsubscribes it alone", async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const mine = new AbortController();
    const a = vi.fn();
    const b = vi.fn();
    watcher.subscribe(a, mine.signal);
    watcher.subscribe(b, controller.signal);
    mine.abort();
    document.body.append(div());
    await nextFrame();
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });
});

describe('scoped observers', () => {
  test('see removals under their anchor, once per frame, and end when the anchor leaves', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const anchor = div();
    const child = div();
    anchor.append(child, div());
    document.body.append(anchor);
    await nextFrame();
    const changed = vi.fn();
    watcher.scope(anchor, changed, controller.signal);
    watcher.scope(anchor, changed, controller.signal); // no-op
    child.remove();
    anchor.lastElementChild?.remove();
    await nextFrame();
    expect(changed).toHaveBeenCalledTimes(1);
    anchor.remove();
    await nextFrame();
    expect(changed).toHaveBeenCalledTimes(2); // told once that the anchor is gone
    document.body.append(anchor);
    anchor.append(div());
    await nextFrame();
    expect(changed).toHaveBeenCalledTimes(2);
  });

  test('every subscriber that scoped the same anchor hears its changes, until its own signal ends', async () => {
    const watcher = watchPage(document, controller.signal, { schedule });
    const anchor = div();
    anchor.append(div(), div());
    document.body.append(anchor);
    await nextFrame();
    const sidebar = vi.fn();
    const replies = vi.fn();
    const repliesStop = new AbortController();
    watcher.scope(anchor, sidebar, controller.signal);
    watcher.scope(anchor, replies, repliesStop.signal);
    anchor.firstElementChild?.remove(); // a compose closing, say
    await nextFrame();
    expect([sidebar.mock.calls.length, replies.mock.calls.length]).toEqual([1, 1]);
    repliesStop.abort();
    anchor.firstElementChild?.remove();
    await nextFrame();
    expect([sidebar.mock.calls.length, replies.mock.calls.length]).toEqual([2, 1]);
  });
});

test('flush durations are kept in a ring buffer, oldest first', async () => {
  let clock = 0;
  let cost = 0;
  const now = () => (clock += cost);
  const watcher = watchPage(document, controller.signal, { schedule, now, capacity: 3 });
  watcher.subscribe(() => undefined, controller.signal);
  for (const ms of [1, 2, 3, 4, 5]) {
    cost = ms;
    document.body.append(div());
    await nextFrame();
  }
  expect(watcher.flushDurations()).toEqual([3, 4, 5]);
});

describe('when a flush runs by default', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  test('in a task of its own right after the next frame, never inside it (the webmail draws first)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    const ran = vi.fn();
    afterNextFrame(document, ran);
    expect(frames).toHaveLength(1);
    frames[0]!(0);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(ran).toHaveBeenCalledTimes(1);
  });

  test('50 ms later while the tab is hidden (no frames then)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const frame = vi.spyOn(window, 'requestAnimationFrame');
    const ran = vi.fn();
    afterNextFrame(document, ran);
    vi.advanceTimersByTime(49);
    expect(ran).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(ran).toHaveBeenCalledTimes(1);
    expect(frame).not.toHaveBeenCalled();
  });
});
