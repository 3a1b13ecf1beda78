import { makeStyles } from '@material-ui/core';
import { codeBlockStyles } from './codeBlockStyles';

const useStyles = makeStyles(theme => {
  const base = codeBlockStyles(theme);
  return {
    pre: { ...base.pre, counterReset: 'line' },
    line: {
      ...base.line,
      '&::before': {
        counterIncrement: 'line',
        content: 'counter(line)',
        display: 'inline-block',
        width: '3em',
        marginRight: theme.spacing(1.5),
        textAlign: 'right',
        color: theme.palette.text.disabled,
        userSelect: 'none',
      },
    },
  };
});

/** The whole content of a new file, with line numbers. */
export function FileContentView({ content }: { content: string }) {
  const classes = useStyles();
  return (
    <pre className={classes.pre} aria-label="File content">
      {content
        .replace(/\n$/, '')
        .split('\n')
        .map((line, i) => (
          <code key={i} className={classes.line}>
            {line}
          </code>
        ))}
    </pre>
  );
}
