import { makeStyles, Typography } from '@material-ui/core';

const useStyles = makeStyles({
  title: {
    color: '#7df3e1',
    fontWeight: 700,
    fontSize: 22,
    lineHeight: '30px',
    whiteSpace: 'nowrap',
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return <Typography className={classes.title}>Homelab Portal</Typography>;
};
