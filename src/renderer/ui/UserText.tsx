import type { ElementType } from 'react';

/**
 * Text that came from a person or a file: names, titles, file names, captions. Always a text node (never
 * HTML), with `dir="auto"` so Persian reads right-to-left inside the English UI, set in Vazirmatn.
 */
export function UserText({
  text,
  as: Tag = 'span',
  className,
  fallback = '—',
}: {
  text: string | null | undefined;
  as?: ElementType;
  className?: string;
  fallback?: string;
}) {
  if (text === null || text === undefined || text === '') {
    return <Tag className={className ? `muted ${className}` : 'muted'}>{fallback}</Tag>;
  }
  return (
    <Tag dir="auto" className={className ? `user-text ${className}` : 'user-text'}>
      {text}
    </Tag>
  );
}
