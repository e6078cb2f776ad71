/**
 * The terms schema 2 starts every catalogue with. Part of a shipped migration: never edit; a later change of
 * terms is a new migration (or, for an archive's own terms, a row added through the app).
 *
 * `standard` names the term of the HURIDOCS Events Standard Formats micro-thesaurus the term corresponds to
 * (its English label), where there is one; null where ESF has no such term (for example the link types, which
 * are Vigil's own). Persian labels are written as an archivist would read them in a list.
 */

export interface SeedTerm {
  code: string;
  en: string;
  fa: string;
  standard?: string | null;
}

export const roles: SeedTerm[] = [
  { code: 'victim', en: 'Victim', fa: 'قربانی', standard: 'Victim' },
  { code: 'witness', en: 'Witness', fa: 'شاهد', standard: 'Source' },
  { code: 'relative', en: 'Relative', fa: 'خویشاوند', standard: null },
  { code: 'source', en: 'Source', fa: 'منبع', standard: 'Source' },
  { code: 'alleged-perpetrator', en: 'Alleged perpetrator', fa: 'عامل ادعایی', standard: 'Perpetrator' },
];

export const fates: SeedTerm[] = [
  { code: 'executed', en: 'Executed', fa: 'اعدام‌شده', standard: 'Killing' },
  { code: 'disappeared', en: 'Disappeared', fa: 'ناپدیدشده', standard: 'Disappearance' },
  { code: 'died-in-custody', en: 'Died in custody', fa: 'جان‌باخته در بازداشت', standard: 'Death in custody' },
  { code: 'survived', en: 'Survived', fa: 'زنده‌مانده', standard: null },
  { code: 'unknown', en: 'Unknown', fa: 'نامعلوم', standard: null },
];

/** `graves`: places of this type hold graves, so their coordinates are strictly confidential by default. */
export const placeTypes: Array<SeedTerm & { graves: boolean }> = [
  { code: 'prison', en: 'Prison', fa: 'زندان', standard: 'Prison', graves: false },
  { code: 'detention-centre', en: 'Detention centre', fa: 'بازداشتگاه', standard: 'Detention centre', graves: false },
  { code: 'execution-site', en: 'Execution site', fa: 'محل اعدام', standard: null, graves: true },
  { code: 'cemetery', en: 'Cemetery', fa: 'گورستان', standard: 'Cemetery', graves: true },
  { code: 'mass-grave', en: 'Mass grave', fa: 'گور جمعی', standard: 'Mass grave', graves: true },
  { code: 'burial-site', en: 'Burial site', fa: 'محل دفن', standard: null, graves: true },
  { code: 'city', en: 'City or town', fa: 'شهر', standard: 'City', graves: false },
  { code: 'region', en: 'Region', fa: 'منطقه', standard: 'Region', graves: false },
  { code: 'other', en: 'Other place', fa: 'مکان دیگر', standard: null, graves: false },
];

export const certainty: SeedTerm[] = [
  { code: 'confirmed', en: 'Confirmed', fa: 'تأییدشده' },
  { code: 'reported', en: 'Reported', fa: 'گزارش‌شده' },
  { code: 'suspected', en: 'Suspected', fa: 'احتمالی' },
  { code: 'disputed', en: 'Disputed', fa: 'مورد مناقشه' },
];

export type LinkShape = 'item-person' | 'item-place' | 'person-place' | 'person-person' | 'item-item';

/** Each link type has a shape (which two kinds of record it joins) and a label for each end. */
export const linkTypes: Array<SeedTerm & { shape: LinkShape; inverseEn: string; inverseFa: string }> = [
  { code: 'item-depicts-person', shape: 'item-person', en: 'Depicts', inverseEn: 'Depicted in', fa: 'تصویرِ', inverseFa: 'در تصویرِ' },
  { code: 'item-mentions-person', shape: 'item-person', en: 'Mentions', inverseEn: 'Mentioned in', fa: 'نام می‌برد از', inverseFa: 'نام‌برده در' },
  { code: 'item-about-person', shape: 'item-person', en: 'Is about', inverseEn: 'Subject of', fa: 'درباره‌ی', inverseFa: 'موضوعِ' },
  { code: 'item-depicts-place', shape: 'item-place', en: 'Depicts', inverseEn: 'Depicted in', fa: 'تصویرِ', inverseFa: 'در تصویرِ' },
  { code: 'person-detained-at', shape: 'person-place', en: 'Detained at', inverseEn: 'Detained here', fa: 'بازداشت در', inverseFa: 'بازداشت‌شده در اینجا' },
  { code: 'person-killed-at', shape: 'person-place', en: 'Killed or died at', inverseEn: 'Killed or died here', fa: 'جان‌باخته در', inverseFa: 'جان‌باخته در اینجا' },
  { code: 'person-buried-at', shape: 'person-place', en: 'Buried at', inverseEn: 'Buried here', fa: 'به خاک سپرده در', inverseFa: 'به خاک سپرده در اینجا' },
  { code: 'person-born-at', shape: 'person-place', en: 'Born at', inverseEn: 'Born here', fa: 'زاده‌ی', inverseFa: 'زاده‌ی اینجا' },
  { code: 'person-relative-of', shape: 'person-person', en: 'Relative of', inverseEn: 'Relative of', fa: 'خویشاوندِ', inverseFa: 'خویشاوندِ' },
  { code: 'item-duplicate-of', shape: 'item-item', en: 'Duplicate of', inverseEn: 'Has duplicate', fa: 'نسخه‌ی دیگرِ', inverseFa: 'نسخه‌ی دیگر دارد' },
  { code: 'item-derived-from', shape: 'item-item', en: 'Derived from', inverseEn: 'Source of', fa: 'برگرفته از', inverseFa: 'منبعِ' },
];

export const tagVocabularies: SeedTerm[] = [
  { code: 'free', en: 'Free tags', fa: 'برچسب‌های آزاد' },
  { code: 'fate', en: 'Fate', fa: 'سرنوشت', standard: 'Status of victim' },
  { code: 'act-type', en: 'Act types', fa: 'نوع اقدام', standard: 'Types of acts' },
  { code: 'place-type', en: 'Place types', fa: 'نوع مکان', standard: 'Type of location' },
];

/** Seeded tags, a tree per vocabulary: a term with `children` is a broader term. */
export interface SeedTag extends SeedTerm {
  children?: SeedTag[];
}

export const seedTags: Record<string, SeedTag[]> = {
  fate: fates.map((f) => ({ ...f })),
  'act-type': [
    {
      code: 'killing',
      en: 'Killing',
      fa: 'قتل',
      standard: 'Killing',
      children: [
        { code: 'extrajudicial-execution', en: 'Extrajudicial execution', fa: 'اعدام فراقضایی', standard: 'Extrajudicial killing' },
        { code: 'execution-after-unfair-trial', en: 'Execution after an unfair trial', fa: 'اعدام پس از دادرسی ناعادلانه', standard: 'Execution' },
      ],
    },
    {
      code: 'deprivation-of-liberty',
      en: 'Deprivation of liberty',
      fa: 'سلب آزادی',
      standard: 'Deprivation of liberty',
      children: [
        { code: 'arbitrary-arrest', en: 'Arbitrary arrest', fa: 'دستگیری خودسرانه', standard: 'Arbitrary arrest' },
        { code: 'arbitrary-detention', en: 'Arbitrary detention', fa: 'بازداشت خودسرانه', standard: 'Arbitrary detention' },
        { code: 'enforced-disappearance', en: 'Enforced disappearance', fa: 'ناپدیدسازی قهری', standard: 'Disappearance' },
        { code: 'incommunicado-detention', en: 'Incommunicado detention', fa: 'بازداشت بدون حق ملاقات', standard: 'Incommunicado detention' },
      ],
    },
    {
      code: 'torture-and-ill-treatment',
      en: 'Torture and ill-treatment',
      fa: 'شکنجه و بدرفتاری',
      standard: 'Torture',
      children: [{ code: 'torture', en: 'Torture', fa: 'شکنجه', standard: 'Torture' }],
    },
    { code: 'denial-of-fair-trial', en: 'Denial of a fair trial', fa: 'محرومیت از دادرسی عادلانه', standard: 'Violation of the right to a fair trial' },
    {
      code: 'acts-against-the-dead',
      en: 'Acts against the dead and their families',
      fa: 'اقدام علیه جان‌باختگان و خانواده‌ها',
      standard: null,
      children: [
        { code: 'secret-burial', en: 'Secret burial in a mass grave', fa: 'دفن مخفیانه در گور جمعی', standard: null },
        { code: 'bodies-withheld', en: 'Body or burial place withheld', fa: 'پنهان داشتن پیکر یا محل دفن', standard: null },
        { code: 'grave-destruction', en: 'Destruction of graves', fa: 'تخریب گورها', standard: null },
        { code: 'harassment-of-relatives', en: 'Harassment of relatives', fa: 'آزار خانواده‌ها', standard: 'Harassment' },
      ],
    },
  ],
  'place-type': placeTypes.filter((t) => t.code !== 'other').map(({ graves: _graves, ...t }) => ({ ...t })),
};
