import { Fragment } from 'react';

/**
 * A repo path that may wrap after each slash: a long path in a narrow card
 * otherwise either widens the card past the screen or breaks mid-word.
 */
export function BreakablePath({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
