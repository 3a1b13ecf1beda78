export { PHONE_MEDIA_QUERY, StackedTable, usePhoneWidth } from './StackedTable';
export type { StackedTableColumn, StackedTableProps } from './StackedTable';
export { BreakablePath } from './BreakablePath';
export { WrappingListItemText } from './WrappingListItemText';
