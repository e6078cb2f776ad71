import { useId, type ReactNode } from 'react';

/** One titled part of the person panel; `actions` sit beside the title (Edit, Add…). */
export function PanelSection({ title, actions, children, className }: { title: string; actions?: ReactNode; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <section className={className ? `person-section ${className}` : 'person-section'} aria-labelledby={id}>
      <div className="person-section-header">
        <h4 id={id} className="person-section-title">
          {title}
        </h4>
        {actions}
      </div>
      {children}
    </section>
  );
}
