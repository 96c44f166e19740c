import type { ReactNode } from 'react';

// The header row of the app's tables: every column a `scope="col"` cell, so a screen reader
// names each cell by its column; an actions column keeps its name for screen readers only.

/** A column's name; false leaves out a column that is not shown (a condition's `&&`). */
export type Column = string | { label: string; className?: string; hidden?: boolean } | false;

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => {
          if (column === false) return null;
          const { label, className, hidden } = typeof column === 'string' ? { label: column } : column;
          return <th key={i} scope="col" className={className}>{hidden ? <span className="visually-hidden">{label}</span> : label}</th>;
        })}
      </tr>
    </thead>
  );
}

/** A column of amounts or counts, set to the right like its cells. */
export const num = (label: string): Column => ({ label, className: 'num' });

/** A table that scrolls sideways in its own box on a narrow window, with its header row and body rows. */
export function ScrollTable(props: { wrapClassName: string; className: string; columns: Column[]; children: ReactNode }) {
  return (
    <div className={props.wrapClassName}>
      <table className={props.className}>
        <TableHead columns={props.columns} />
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
