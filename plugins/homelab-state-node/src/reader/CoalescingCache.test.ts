import { CoalescingCache } from './CoalescingCache';

describe('CoalescingCache', () => {
  it('shares one load between concurrent askers and serves it for the TTL', async () => {
    let t = 0;
    const cache = new CoalescingCache<number>(1000, () => t);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    t = 999;
    expect(await cache.get('k', load)).toBe(1);
    t = 1000;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a rejected load: every waiter gets the error and the next ask loads again', async () => {
    const cache = new CoalescingCache<string>(60_000, () => 0);
    let fail = true;
    const load = jest.fn(async () => {
      if (fail) throw new Error('boom');
      return 'fine';
    });
    const waiters = [cache.get('k', load), cache.get('k', load)];
    await expect(waiters[0]).rejects.toThrow('boom');
    await expect(waiters[1]).rejects.toThrow('boom');
    expect(load).toHaveBeenCalledTimes(1);
    fail = false;
    expect(await cache.get('k', load)).toBe('fine');
    expect(load).toHaveBeenCalledTimes(2);
    expect(cache.peek('k')).toBe('fine');
  });

  it('hands the previous value to the next load', async () => {
    let t = 0;
    const cache = new CoalescingCache<number>(10, () => t);
    await cache.get('k', async () => 41);
    t = 20;
    expect(await cache.get('k', async previous => (previous ?? 0) + 1)).toBe(42);
  });

  describe('serving stale while it refreshes', () => {
    const deferred = () => {
      let resolve!: (v: number) => void;
      const promise = new Promise<number>(r => (resolve = r));
      return { promise, resolve };
    };

    it('answers past the TTL at once with the old value, and the next ask gets the refreshed one', async () => {
      let t = 0;
      const cache = new CoalescingCache<number>(1000, () => t, 1000);
      await cache.get('k', async () => 1);
      t = 1500;
      const slow = deferred();
      const load = jest.fn(() => slow.promise);
      // Both askers get the old value without waiting; one refresh runs.
      expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
      expect(load).toHaveBeenCalledTimes(1);
      slow.resolve(2);
      await slow.promise;
      await Promise.resolve();
      expect(await cache.get('k', load)).toBe(2);
      expect(load).toHaveBeenCalledTimes(1);
    });

    it('waits for the load once the value is older than TTL + stale window, and on the first ask', async () => {
      let t = 0;
      const cache = new CoalescingCache<number>(1000, () => t, 1000);
      const first = deferred();
      const pending = cache.get('k', () => first.promise);
      first.resolve(1);
      expect(await pending).toBe(1);
      t = 2000;
      const next = deferred();
      const waiting = cache.get('k', () => next.promise);
      let settled = false;
      void waiting.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      next.resolve(2);
      expect(await waiting).toBe(2);
    });

    it('keeps the old value when the background refresh throws, and tries again on the next ask', async () => {
      let t = 0;
      const cache = new CoalescingCache<number>(1000, () => t, 1000);
      await cache.get('k', async () => 1);
      t = 1200;
      const failing = jest.fn(async () => {
        throw new Error('boom');
      });
      expect(await cache.get('k', failing)).toBe(1);
      await Promise.resolve();
      await Promise.resolve();
      expect(await cache.get('k', async () => 3)).toBe(1);
      await Promise.resolve();
      await Promise.resolve();
      expect(await cache.get('k', async () => 4)).toBe(3);
    });
  });
});
