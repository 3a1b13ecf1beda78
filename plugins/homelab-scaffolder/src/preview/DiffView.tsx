import { makeStyles } from '@material-ui/core';
import { codeBlockStyles } from './codeBlockStyles';
import { diffLines } from './diffLines';

const useStyles = makeStyles(theme => ({
  ...codeBlockStyles(theme),
  add: { background: 'rgba(46, 160, 67, 0.18)' },
  remove: { background: 'rgba(248, 81, 73, 0.18)' },
  hunk: { color: theme.palette.info.main, background: 'rgba(56, 139, 253, 0.10)' },
  file: { color: theme.palette.text.secondary, fontWeight: 'bold' },
  context: {},
}));

/** A unified diff with added lines green, removed lines red and hunk headers blue. */
export function DiffView({ diff }: { diff: string }) {
  const classes = useStyles();
  return (
    <pre className={classes.pre} aria-label="Unified diff">
      {diffLines(diff).map((line, i) => (
        <code key={i} className={`${classes.line} ${classes[line.kind]}`} data-kind={line.kind}>
          {line.text}
        </code>
      ))}
    </pre>
  );
}
