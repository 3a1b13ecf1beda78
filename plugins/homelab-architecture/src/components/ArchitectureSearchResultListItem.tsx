import type { ResultHighlight, SearchDocument } from '@backstage/plugin-search-common';
import { DefaultResultListItem } from '@backstage/plugin-search-react';
import AccountTreeIcon from '@material-ui/icons/AccountTree';

/** A generated architecture page among search results: icon, title, text. */
export function ArchitectureSearchResultListItem(props: {
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
}) {
  if (!props.result) return null;
  return (
    <DefaultResultListItem
      result={props.result}
      highlight={props.highlight}
      rank={props.rank}
      icon={<AccountTreeIcon />}
    />
  );
}
