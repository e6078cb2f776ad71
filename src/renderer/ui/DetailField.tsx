import type { ReactNode } from 'react';

/** One label and value of a record's panel: a dt/dd pair, inside a `<dl className="detail-fields">`. */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
