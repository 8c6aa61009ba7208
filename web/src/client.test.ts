import { describe, expect, it } from 'vitest';
import { firstResult } from './client';

describe('firstResult', () => {
  it('resolves to the first result and ends the operation after it, not from within it', async () => {
    const events: string[] = [];
    const source = {
      subscribe(sink: (r: number) => void) {
        sink(1);
        events.push('answered');
        sink(2);
        return { unsubscribe: () => events.push('ended') };
      },
    };
    const r = await firstResult(source);
    expect(r).toBe(1);
    expect(events).toEqual(['answered']);
    await new Promise((done) => setTimeout(done, 0));
    expect(events).toEqual(['answered', 'ended']);
  });
});
