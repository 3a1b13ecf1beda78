import { ListItemText } from '@material-ui/core';
import type { ListItemTextProps } from '@material-ui/core';

/**
 * ListItemText that wraps. Backstage's theme keeps the text of dense list
 * items on one line and clips it: on a phone a finding, a commit subject or
 * a sync message is cut off mid-sentence at the card's edge.
 */
export function WrappingListItemText({ style, ...props }: ListItemTextProps) {
  return <ListItemText {...props} style={{ whiteSpace: 'normal', overflowWrap: 'break-word', minWidth: 0, ...style }} />;
}
