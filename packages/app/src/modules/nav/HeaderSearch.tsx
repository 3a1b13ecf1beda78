import { useEffect } from 'react';
import { SearchModal, useSearchModal } from '@backstage/plugin-search';
import { Button, makeStyles } from '@material-ui/core';
import SearchIcon from '@material-ui/icons/Search';

const useStyles = makeStyles(theme => ({
  // Fixed to the top-right corner of every page, over the page header:
  // Backstage owns the catalog's and entity pages' headers and offers no
  // app-wide header slot (PluginHeaderActionBlueprint is per plugin).
  trigger: {
    position: 'fixed',
    top: theme.spacing(0.5),
    right: theme.spacing(1),
    zIndex: theme.zIndex.appBar,
    textTransform: 'none',
    color: theme.palette.common.white,
    borderColor: 'rgba(255, 255, 255, 0.6)',
    backgroundColor: 'rgba(0, 0, 0, 0.25)',
  },
  label: {
    [theme.breakpoints.down('xs')]: { display: 'none' },
  },
}));

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A search box trigger on every page (and the `/` shortcut): opens the
 * search modal, which searches apps, docs and ingress hosts as you type.
 */
export function HeaderSearch() {
  const classes = useStyles();
  const { state, toggleModal, setOpen } = useSearchModal();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  return (
    <>
      <Button
        className={classes.trigger}
        variant="outlined"
        size="small"
        startIcon={<SearchIcon />}
        onClick={toggleModal}
        aria-label="Search the portal"
        title="Search apps, docs and hosts ( / )"
      >
        <span className={classes.label}>Search…</span>
      </Button>
      <SearchModal {...state} toggleModal={toggleModal} />
    </>
  );
}
