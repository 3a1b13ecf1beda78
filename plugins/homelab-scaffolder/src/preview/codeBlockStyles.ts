import type { Theme } from '@material-ui/core';

/**
 * The look shared by the preview's code blocks (a new file's content and an
 * edited file's diff): one monospace block, one line per `code` element.
 */
export const codeBlockStyles = (theme: Theme) => ({
  pre: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto' as const,
    fontFamily: 'monospace',
    fontSize: '0.8125rem',
    lineHeight: 1.5,
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
  },
  line: { display: 'block', padding: theme.spacing(0, 1.5), whiteSpace: 'pre' as const, minHeight: '1.5em' },
});
