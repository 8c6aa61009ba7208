// The element a screen's unit test renders into: a fresh one for each test,
// put in the document before it and emptied (unmounting the screen) and
// removed after it.
import { afterEach, beforeEach } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

/** The element of the test running and how to show a screen in it. */
export interface TestRoot {
  /** The element of the test running. */
  readonly el: HTMLElement;
  /** Renders the screen into the element and lets its first answers arrive. */
  show(screen: ComponentChild): Promise<void>;
}

/** Registers the hooks that give each test of the file a fresh element. */
export function useTestRoot(): TestRoot {
  let el: HTMLElement | undefined;
  const current = (): HTMLElement => {
    if (!el) throw new Error('the test root is used outside a test');
    return el;
  };
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
  });
  afterEach(() => {
    const done = current();
    act(() => render(null, done));
    done.remove();
    el = undefined;
  });
  return {
    get el() { return current(); },
    async show(screen) {
      await act(async () => { render(screen, current()); });
      await act(async () => { await Promise.resolve(); });
    },
  };
}
