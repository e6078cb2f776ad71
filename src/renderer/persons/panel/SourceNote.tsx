import type { SourceBrief } from '../../../shared/dto';
import { UserText } from '../../ui/UserText';

/** The source cited for a fact, a name or a link, on one line: reference, title, reliability (all of it in the tooltip). */
export function SourceNote({ source, empty }: { source: SourceBrief | null | undefined; empty?: string }) {
  if (!source) return empty ? <span className="source-note muted">{empty}</span> : null;
  const reliability = source.reliability !== 'unknown' ? ` (reliability ${source.reliability})` : '';
  return (
    <span className="source-note" title={`${source.ref} ${source.title}${reliability}`}>
      Source: <span className="source-ref">{source.ref}</span> <UserText text={source.title} />
      {reliability && <span className="muted">{reliability}</span>}
    </span>
  );
}
