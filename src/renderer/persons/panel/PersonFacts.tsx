import { useState, type FormEvent, type ReactNode } from 'react';
import type { HistoricalDate } from '../../../shared/dates/historical-date';
import type { PersonDetail, PersonFact } from '../../../shared/dto';
import { personFacts } from '../../../shared/dto';
import type { SourceId } from '../../../shared/ids';
import { useClient } from '../../client/use-client';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { formatHistoricalDate } from '../../ui/format';
import { useVocabularies } from '../../ui/use-vocabularies';
import { UserText } from '../../ui/UserText';
import { dateProblems, factsOf, factsPatch, sexOptions, type FactsDraft } from '../person-form';
import { PersonFactFields } from '../PersonFactFields';
import { PanelSection } from './PanelSection';
import { SourceField, type ChosenSource } from './SourceField';
import { SourceNote } from './SourceNote';
import { useSectionAction } from './use-section-action';

const factLabels: Record<PersonFact, string> = {
  roles: 'Roles',
  fatherName: 'Father’s name',
  sex: 'Sex',
  birthDate: 'Birth date',
  arrestDate: 'Arrest date',
  fate: 'Fate',
  deathDate: 'Death date',
  affiliation: 'Affiliation',
  biography: 'Biography',
};

/** A date in both calendars, and the text as it was typed when that reads differently. */
function DateValue({ date }: { date: HistoricalDate }) {
  const shown = formatHistoricalDate(date);
  return (
    <>
      <UserText text={shown} />
      {/* The text as typed, unless it is just the stored EDTF (an ISO day or a year says nothing more). */}
      {date.original.trim() !== '' && date.original.trim() !== shown && date.original.trim() !== date.edtf && (
        <span className="fact-original">
          {' '}
          (recorded as “<UserText text={date.original} />”)
        </span>
      )}
    </>
  );
}

function Fact({ label, source, children }: { label: string; source?: ReactNode; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <div>{children}</div>
        {source}
      </dd>
    </>
  );
}

/**
 * The person's facts (DESIGN.md §4), each with the source cited for it, and the form that edits them with
 * Save and Cancel. A fact's source is chosen in the form with a source picker (or made there from a title).
 */
export function PersonFacts({ person, onChanged }: { person: PersonDetail; onChanged(next: PersonDetail): void }) {
  const { api } = useClient();
  const vocab = useVocabularies();
  const { act, error, setError, busy } = useSectionAction();
  const [draft, setDraft] = useState<FactsDraft | null>(null);
  const [sources, setSources] = useState<Partial<Record<PersonFact, ChosenSource | null>>>({});

  const startEditing = () => {
    setDraft(factsOf(person));
    const chosen: Partial<Record<PersonFact, ChosenSource | null>> = {};
    for (const fact of personFacts) {
      const s = person.factSources[fact];
      chosen[fact] = s ? { id: s.id, label: `${s.ref} ${s.title}` } : null;
    }
    setSources(chosen);
    setError(null);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    const problems = dateProblems(draft);
    if (problems.length > 0) {
      setError(problems.map((p) => `${p.label}: ${p.message}`).join(' '));
      return;
    }
    const ids: Partial<Record<PersonFact, SourceId | null>> = {};
    for (const fact of personFacts) if (fact in sources) ids[fact] = sources[fact]?.id ?? null;
    const patch = factsPatch(person, draft, ids);
    if (!patch) {
      setDraft(null);
      return;
    }
    void act(`Edited the facts of ${person.ref}`, () => api.updatePerson({ id: person.id, patch }), (result) => {
      setDraft(null);
      onChanged(result.record);
    });
  };

  const src = (fact: PersonFact) => <SourceNote source={person.factSources[fact]} />;
  const text = (value: string | null) => (value ? <UserText text={value} /> : null);

  if (draft) {
    return (
      <PanelSection title="Facts">
        <form className="edit-form person-facts-form" aria-label={`Edit the facts of ${person.ref}`} onSubmit={save} noValidate>
          <div className="form-grid">
            <PersonFactFields
              draft={draft}
              onChange={setDraft}
              biography
              source={(fact) => (
                <SourceField
                  label={`Source for ${factLabels[fact]}`}
                  value={sources[fact] ?? null}
                  onChange={(next) => setSources((s) => ({ ...s, [fact]: next }))}
                />
              )}
            />
          </div>
          {error && <ErrorMessage message={error} />}
          <div className="form-actions">
            <button type="button" className="secondary-button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="submit" className="primary-button" disabled={busy}>
              {busy ? 'Saving…' : 'Save'}
            </button>
          </div>
        </form>
      </PanelSection>
    );
  }

  const sexLabel = sexOptions.find((o) => o.value === person.sex)?.label ?? null;
  const rows: Array<{ fact: PersonFact | 'notes'; value: ReactNode }> = [
    { fact: 'roles', value: person.roles.length > 0 ? person.roles.map((r) => vocab.label('roles', r)).join(', ') : null },
    {
      fact: 'fatherName',
      value:
        person.fatherNameFa || person.fatherNameLatin ? (
          <span className="fact-names">
            {person.fatherNameFa && <UserText text={person.fatherNameFa} className="persian" />}
            {person.fatherNameFa && person.fatherNameLatin && ' · '}
            {person.fatherNameLatin && <UserText text={person.fatherNameLatin} />}
          </span>
        ) : null,
    },
    { fact: 'sex', value: person.sex ? sexLabel : null },
    { fact: 'birthDate', value: person.birthDate ? <DateValue date={person.birthDate} /> : null },
    { fact: 'arrestDate', value: person.arrestDate ? <DateValue date={person.arrestDate} /> : null },
    { fact: 'deathDate', value: person.deathDate ? <DateValue date={person.deathDate} /> : null },
    { fact: 'fate', value: person.fate ? vocab.label('fates', person.fate) : null },
    { fact: 'affiliation', value: text(person.affiliation) },
    { fact: 'biography', value: person.biography ? <UserText as="p" text={person.biography} className="fact-long" /> : null },
    { fact: 'notes', value: person.notes ? <UserText as="p" text={person.notes} className="fact-long" /> : null },
  ];
  const known = rows.filter((r) => r.value !== null);
  const unknown = rows.filter((r) => r.value === null).map((r) => (r.fact === 'notes' ? 'notes' : factLabels[r.fact].toLowerCase()));

  return (
    <PanelSection
      title="Facts"
      actions={
        <button type="button" className="link-button" onClick={startEditing} disabled={person.deleted} aria-label={`Edit the facts of ${person.ref}`}>
          Edit
        </button>
      }
    >
      {known.length > 0 ? (
        <dl className="detail-fields person-facts">
          {known.map((row) => (
            <Fact key={row.fact} label={row.fact === 'notes' ? 'Notes' : factLabels[row.fact]} source={row.fact === 'notes' ? undefined : src(row.fact)}>
              {row.value}
            </Fact>
          ))}
        </dl>
      ) : (
        <p className="muted">No facts recorded yet.</p>
      )}
      {unknown.length > 0 && known.length > 0 && <p className="muted facts-unknown">Not recorded: {unknown.join(', ')}.</p>}
    </PanelSection>
  );
}
