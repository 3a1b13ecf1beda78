import { quoteForMessage as preview } from './quoteForMessage';

/**
 * Free text that stays one plain string: no line breaks or other control
 * characters, so it cannot start a new YAML key or document wherever it is
 * written. The actions still write it as a YAML scalar, not by string
 * concatenation; this refuses the attempt early with a clear message.
 *
 * @public
 */
// eslint-disable-next-line no-control-regex
export const SINGLE_LINE_TEXT_PATTERN = '^[^\\u0000-\\u001f\\u007f]*$';

/** @public */
export const SINGLE_LINE_TEXT_MAX_LENGTH = 200;

/**
 * Why `value` cannot be a one-line description, or undefined when it can.
 *
 * @public
 */
export function validateSingleLineText(value: string): string | undefined {
  if (value.length > SINGLE_LINE_TEXT_MAX_LENGTH) {
    return `The text is ${value.length} characters long; at most ${SINGLE_LINE_TEXT_MAX_LENGTH}.`;
  }
  if (!new RegExp(SINGLE_LINE_TEXT_PATTERN).test(value)) {
    return `"${preview(value)}" has a line break or control character; write one line of plain text.`;
  }
  return undefined;
}
