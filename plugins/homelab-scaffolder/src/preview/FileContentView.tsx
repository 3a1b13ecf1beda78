import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  pre: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    fontFamily: 'monospace',
    fontSize: '0.8125rem',
    lineHeight: 1.5,
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    counterReset: 'line',
  },
  line: {
    display: 'block',
    padding: theme.spacing(0, 1.5),
    whiteSpace: 'pre',
    minHeight: '1.5em',
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
}));

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
