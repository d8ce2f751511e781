import { expect, test, vi } from 'vitest';
import { whenLoaded } from './self-view.ts';

function image(state: { complete: boolean; naturalWidth: number }): HTMLImageElement {
  const img = document.createElement('img');
  img.setAttribute('src', 'https://ci3.googleusercontent.com/meips/abc');
  Object.defineProperty(img, 'complete', { value: state.complete });
  Object.defineProperty(img, 'naturalWidth', { value: state.naturalWidth });
  return img;
}

test('a proxied image that loads is a self-view, once', () => {
  const loaded = vi.fn();
  const img = image({ complete: false, naturalWidth: 0 });
  whenLoaded(img, new AbortController().signal, loaded);
  expect(loaded).not.toHaveBeenCalled();
  img.dispatchEvent(new Event('load'));
  img.dispatchEvent(new Event('load'));
  expect(loaded).toHaveBeenCalledTimes(1);
});

test('an image already loaded when seen is a self-view at once', () => {
  const loaded = vi.fn();
  whenLoaded(image({ complete: true, naturalWidth: 1 }), new AbortController().signal, loaded);
  expect(loaded).toHaveBeenCalledTimes(1);
});

test('an image the rules blocked (error, or complete with no pixels) never reached the Worker: no self-view', () => {
  const loaded = vi.fn();
  const pending = image({ complete: false, naturalWidth: 0 });
  whenLoaded(pending, new AbortController().signal, loaded);
  pending.dispatchEvent(new Event('error'));
  pending.dispatchEvent(new Event('load'));
  whenLoaded(image({ complete: true, naturalWidth: 0 }), new AbortController().signal, loaded);
  expect(loaded).not.toHaveBeenCalled();
});

test('nothing is reported once the feature stopped', () => {
  const loaded = vi.fn();
  const stop = new AbortController();
  const img = image({ complete: false, naturalWidth: 0 });
  whenLoaded(img, stop.signal, loaded);
  stop.abort();
  img.dispatchEvent(new Event('load'));
  expect(loaded).not.toHaveBeenCalled();
});
