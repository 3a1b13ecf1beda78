/**
 * A user's value as it appears inside a one-line error message: escaped, so
 * a hostile value with line breaks stays readable, and shortened.
 *
 * @public
 */
export function quoteForMessage(value: string): string {
  const oneLine = JSON.stringify(value).slice(1, -1);
  return oneLine.length > 70 ? `${oneLine.slice(0, 67)}...` : oneLine;
}
