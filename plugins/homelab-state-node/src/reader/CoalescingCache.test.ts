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
});
