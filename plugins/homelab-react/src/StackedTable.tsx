import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography, useMediaQuery } from '@material-ui/core';
import type { CSSProperties, ReactNode } from 'react';

/** One column: its heading, and what a row shows in it. */
export interface StackedTableColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** Style of the table cell at wide widths (an indent, a fixed width). */
  cellStyle?: (row: T) => CSSProperties | undefined;
}

export interface StackedTableProps<T> {
  /** The first column heads each card at phone width; the others follow as "title: value" lines. */
  columns: Array<StackedTableColumn<T>>;
  rows: T[];
  rowKey: (row: T, index: number) => string;
  /** Accessible name of the table (and of the list it becomes). */
  label?: string;
  /** Tables whose cells say what they are (a name, a status chip, an age) need no heading row. */
  hideHeader?: boolean;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

/**
 * A phone held upright. One query for every phone layout of the portal (the
 * catalog's stacked rows use it too), so they all switch at the same width.
 */
export const PHONE_MEDIA_QUERY = '(max-width: 600px)';

/** True at phone width. */
export function usePhoneWidth(): boolean {
  // noSsr: the first render already has the right layout, no table flash on a phone.
  return useMediaQuery(PHONE_MEDIA_QUERY, { noSsr: true });
}

const isBlank = (v: ReactNode) => v === undefined || v === null || v === false || v === '' || v === '–';

/**
 * A table at wide widths; at phone width every row becomes a stacked card
 * (first column as its heading, each other column as a "title: value" line),
 * so no column is squeezed to a letter and nothing scrolls sideways.
 */
export function StackedTable<T>({ columns, rows, rowKey, label, hideHeader, empty }: StackedTableProps<T>) {
  const phone = usePhoneWidth();
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  if (!phone) {
    return (
      <Table size="small" aria-label={label}>
        {!hideHeader && (
          <TableHead>
            <TableRow>
              {columns.map(c => (
                <TableCell key={c.title}>{c.title}</TableCell>
              ))}
            </TableRow>
          </TableHead>
        )}
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={rowKey(row, i)}>
              {columns.map(c => (
                <TableCell key={c.title} style={c.cellStyle?.(row)}>
                  {c.render(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    );
  }
  const [head, ...rest] = columns;
  return (
    <Box role="list" aria-label={label}>
      {rows.map((row, i) => (
        <Box
          key={rowKey(row, i)}
          role="listitem"
          py={1}
          borderBottom="1px solid rgba(128,128,128,0.3)"
          // Long paths and names break only where they would not fit at all.
          style={{ overflowWrap: 'break-word' }}
        >
          <Typography variant="subtitle2" component="div">
            {head.render(row)}
          </Typography>
          {rest.map(c => {
            const value = c.render(row);
            if (isBlank(value)) return null;
            return (
              <Typography key={c.title} variant="body2" component="div">
                {!hideHeader && (
                  <Typography component="span" variant="body2" color="textSecondary">
                    {c.title}:{' '}
                  </Typography>
                )}
                {value}
              </Typography>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
