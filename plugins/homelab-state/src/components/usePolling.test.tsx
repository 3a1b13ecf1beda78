import { act, render } from '@testing-library/react';
import { usePolling } from './common';

/** Sets what `document.visibilityState` and `document.hidden` say, as a browser does when a tab is hidden or shown. */
function setVisibility(state: 'visible' | 'hidden', announce = true) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
  if (announce) document.dispatchEvent(new Event('visibilitychange'));
}

function Poller({ load }: { load: () => Promise<number> }) {
  const { value } = usePolling(load, 30_000);
  return <span>{value ?? 'loading'}</span>;
}

describe('usePolling', () => {
  let calls: number;
  const load = () => Promise.resolve(++calls);
  /** Advances the fake clock and lets the loads it started settle. */
  const advance = (ms: number) =>
    act(async () => {
      jest.advanceTimersByTime(ms);
    });

  beforeEach(() => {
    jest.useFakeTimers();
    calls = 0;
    setVisibility('visible', false);
  });
  afterEach(() => {
    jest.useRealTimers();
    setVisibility('visible', false);
  });

  it('loads at once and every interval while the tab is visible', async () => {
    const { findByText } = render(<Poller load={load} />);
    expect(await findByText('1')).toBeInTheDocument();
    await advance(30_000);
    await advance(30_000);
    expect(calls).toBe(3);
  });

  it('loads nothing while the tab is hidden, and loads at once when it is shown again', async () => {
    const { findByText } = render(<Poller load={load} />);
    expect(await findByText('1')).toBeInTheDocument();
    await act(async () => setVisibility('hidden'));
    await advance(5 * 30_000);
    expect(calls).toBe(1);
    await act(async () => setVisibility('visible'));
    expect(await findByText('2')).toBeInTheDocument();
    expect(calls).toBe(2);
    // And the interval runs again from there.
    await advance(30_000);
    expect(calls).toBe(3);
  });

  it('does not start polling in a tab that is hidden from the start', async () => {
    setVisibility('hidden', false);
    const { findByText } = render(<Poller load={load} />);
    // The first load is the page's own; only the interval waits for the tab.
    expect(await findByText('1')).toBeInTheDocument();
    await advance(3 * 30_000);
    expect(calls).toBe(1);
  });
});
