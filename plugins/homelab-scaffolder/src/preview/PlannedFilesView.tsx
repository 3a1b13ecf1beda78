import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Chip,
  makeStyles,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import type { PlannedFile } from '@internal/plugin-homelab-scaffolder-common';
import { DiffView } from './DiffView';
import { diffStat } from './diffLines';
import { FileContentView } from './FileContentView';

const useStyles = makeStyles(theme => ({
  path: { fontFamily: 'monospace', flexGrow: 1, wordBreak: 'break-all' },
  create: { background: theme.palette.success?.main ?? '#2e7d32', color: '#fff', minWidth: 64 },
  edit: { background: theme.palette.warning?.main ?? '#ed6c02', color: '#fff', minWidth: 64 },
  added: { color: theme.palette.success?.main ?? '#2e7d32', fontFamily: 'monospace', marginLeft: theme.spacing(1) },
  removed: { color: theme.palette.error.main, fontFamily: 'monospace', marginLeft: theme.spacing(1) },
  details: { display: 'block', padding: theme.spacing(0, 2, 2) },
}));

/**
 * Every file a template run would write: a badge for new or edited, the path,
 * the changed line counts; unfolded, the diff of an edited file (open from
 * the start) or the whole content of a new one.
 */
export function PlannedFilesView({ files }: { files: PlannedFile[] }) {
  const classes = useStyles();
  return (
    <Box role="list" aria-label="Files the template will write">
      {files.map(file => {
        const stat = file.diff ? diffStat(file.diff) : undefined;
        const lines = file.content ? file.content.replace(/\n$/, '').split('\n').length : 0;
        return (
          // Edits of existing files are what a reviewer must see: open by default.
          <Accordion
            key={file.path}
            role="listitem"
            defaultExpanded={file.action === 'edit'}
            TransitionProps={{ unmountOnExit: true }}
          >
            <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-label={`${file.action === 'edit' ? 'Edit' : 'Create'} ${file.path}`}>
              <Box display="flex" alignItems="center" width="100%" style={{ gap: 12 }}>
                <Chip size="small" label={file.action === 'edit' ? 'edit' : 'new'} className={classes[file.action]} />
                <Typography className={classes.path}>{file.path}</Typography>
                {stat ? (
                  <Typography variant="body2">
                    <span className={classes.added}>+{stat.added}</span>
                    <span className={classes.removed}>−{stat.removed}</span>
                  </Typography>
                ) : (
                  <Typography variant="body2" className={classes.added}>
                    +{lines}
                  </Typography>
                )}
              </Box>
            </AccordionSummary>
            <AccordionDetails className={classes.details}>
              {file.diff ? (
                <DiffView diff={file.diff} />
              ) : (
                <FileContentView content={file.content ?? ''} />
              )}
            </AccordionDetails>
          </Accordion>
        );
      })}
    </Box>
  );
}
