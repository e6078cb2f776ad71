/**
 * A seeded generator of persons CSV files in the import format (fixtures/persons/README.md), for the records
 * benchmark: the same columns and the same mix of value shapes as fixtures/persons/persons.csv, at any size.
 * The same count and seed always give the same bytes.
 *
 * - names in Persian script, in Latin script (several transliterations of each), or both, with variant
 *   spellings in other_names for about one row in ten;
 * - every date format the README lists: ISO days, EDTF (`1988-08?`, `1988-07~/1988-09~`, `1988-08`), Solar
 *   Hijri with Latin or Persian digits, Solar Hijri month names in Latin and Persian script, years;
 * - a few dozen prisons and burial places, each written in both scripts, "unknown" and mass graves among them;
 * - about one row in a hundred with a hostile cell (formula starts, a tab, markup) and one in fifty with a
 *   quoted line break, comma or quote in its notes.
 *
 * Usage: tsx scripts/bench/generate-persons.ts COUNT OUT.csv [SEED]
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { stringify } from 'csv-stringify/sync';

export const PERSON_COLUMNS = [
  'ref', 'name_fa', 'name_latin', 'other_names', 'father_name_fa', 'father_name_latin', 'sex', 'birth_date', 'birth_place',
  'arrest_date', 'prison', 'fate', 'death_date', 'death_place', 'burial_place', 'affiliation', 'notes', 'source',
] as const;

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each name in Persian script and the Latin spellings found for it (the first is the usual one). */
const FIRST: Array<[string, ...string[]]> = [
  ['محمد', 'Mohammad', 'Mohamad', 'Muhammad', 'Mohammed'],
  ['علی', 'Ali'],
  ['حسین', 'Hossein', 'Hosein', 'Husayn', 'Hussein'],
  ['رضا', 'Reza', 'Rezā'],
  ['مهدی', 'Mehdi', 'Mahdi'],
  ['حمید', 'Hamid'],
  ['مسعود', 'Masoud', 'Masud', "Mas'ud"],
  ['جعفر', 'Jafar', "Ja'far", 'Djafar'],
  ['اصغر', 'Asghar', 'Asqar'],
  ['قاسم', 'Ghasem', 'Qasem', 'Kasem'],
  ['بیژن', 'Bijan', 'Bizhan'],
  ['فرهاد', 'Farhad', 'Ferhad'],
  ['سعید', 'Saeed', 'Said', "Sa'id"],
  ['عباس', 'Abbas'],
  ['کاظم', 'Kazem', 'Kazim'],
  ['ایرج', 'Iraj'],
  ['فاطمه', 'Fatemeh', 'Fatima', 'Fateme'],
  ['زهرا', 'Zahra', 'Zahraa'],
  ['مریم', 'Maryam', 'Mariam'],
  ['فریده', 'Farideh', 'Faride'],
  ['سکینه', 'Sakineh', 'Sakine'],
  ['شهلا', 'Shahla'],
  ['منیژه', 'Manijeh', 'Manizheh'],
  ['فروغ', 'Forough', 'Foruq', 'Forugh'],
];
const FEMALE_FROM = 16;
const LAST: Array<[string, ...string[]]> = [
  ['رضایی', 'Rezaei', 'Rezaee', 'Rezai'],
  ['احمدی', 'Ahmadi'],
  ['حسینی', 'Hosseini', 'Hosaini', 'Husseini'],
  ['کرمانی', 'Kermani'],
  ['یوسف‌نیا', 'Yousefnia', 'Yusefnia', 'Yousef-Nia'],
  ['منصوری', 'Mansouri', 'Mansuri'],
  ['کاظمی', 'Kazemi'],
  ['صادقی', 'Sadeghi', 'Sadeqi'],
  ['رستمی', 'Rostami'],
  ['اکبرپور', 'Akbarpour', 'Akbarpur'],
  ['غلام‌نژاد', 'Gholamnejad', 'Gholamnezhad', 'Qolamnejad'],
  ['هاشم‌پور', 'Hashempour', 'Hashempur'],
  ['قزوینی', 'Ghazvini', 'Qazvini'],
  ['بهبهانی', 'Behbahani'],
  ['نادری‌نیا', 'Nadernia', 'Naderi-Nia'],
  ['رمضانی', 'Ramezani', 'Ramazani'],
  ['مصطفوی', 'Mostafavi', 'Mustafavi'],
  ['رحمانی', 'Rahmani'],
  ['عابدی', 'Abedi'],
  ['معتمدی', 'Motamedi', "Mo'tamedi"],
  ['جعفری', 'Jafari', "Ja'fari"],
  ['صفری', 'Safari'],
  ['مشهدی', 'Mashhadi', 'Mashadi'],
  ['قنبری', 'Ghanbari', 'Qanbari'],
];
/** Places in both scripts. */
const PRISONS: Array<[string, string]> = [
  ['اوین', 'Evin'],
  ['گوهردشت', 'Gohardasht'],
  ['قزلحصار', 'Ghezel Hesar'],
  ['وکیل‌آباد', 'Vakilabad (Mashhad)'],
  ['دستگرد', 'Dastgerd (Isfahan)'],
  ['لاکان', 'Lakan (Rasht)'],
  ['عادل‌آباد', 'Adelabad (Shiraz)'],
  ['سپیدار', 'Sepidar (Ahvaz)'],
  ['زندان مرکزی تبریز', 'Tabriz Central Prison'],
  ['زندان مرکزی ارومیه', 'Urmia Central Prison'],
  ['دیزل‌آباد', 'Dizelabad (Kermanshah)'],
  ['زندان مرکزی زنجان', 'Zanjan Central Prison'],
  ['زندان مرکزی همدان', 'Hamadan Central Prison'],
  ['زندان مرکزی سمنان', 'Semnan Central Prison'],
  ['زندان مرکزی قزوین', 'Qazvin Central Prison'],
  ['زندان مرکزی خرم‌آباد', 'Khorramabad Central Prison'],
  ['زندان مرکزی ساری', 'Sari Central Prison'],
  ['زندان مرکزی زاهدان', 'Zahedan Central Prison'],
];
const BURIALS: Array<[string, string]> = [
  ['خاوران', 'Khavaran'],
  ['بهشت زهرا', 'Behesht-e Zahra'],
  ['گور جمعی تبریز', 'mass grave, Tabriz'],
  ['گور جمعی اهواز', 'mass grave, Ahvaz'],
  ['گور جمعی اصفهان', 'mass grave, Isfahan'],
  ['گور جمعی شیراز', 'mass grave, Shiraz'],
  ['گور جمعی رشت', 'mass grave, Rasht'],
  ['گور جمعی مشهد', 'mass grave, Mashhad'],
  ['گور جمعی زاهدان', 'mass grave, Zahedan'],
  ['گور جمعی ایلام', 'mass grave, Ilam'],
  ['گور جمعی ساری', 'mass grave, Sari'],
  ['گور جمعی قزوین', 'mass grave, Qazvin'],
  ['نامعلوم', 'unknown'],
];
const CITIES: Array<[string, string]> = [
  ['تهران', 'Tehran'], ['رشت', 'Rasht'], ['تبریز', 'Tabriz'], ['مشهد', 'Mashhad'], ['اصفهان', 'Isfahan'], ['شیراز', 'Shiraz'],
  ['اهواز', 'Ahvaz'], ['کرمانشاه', 'Kermanshah'], ['یزد', 'Yazd'], ['اراک', 'Arak'], ['سمنان', 'Semnan'], ['خرم‌آباد', 'Khorramabad'],
  ['اردبیل', 'Ardabil'], ['سنندج', 'Sanandaj'], ['مهاباد', 'Mahabad'], ['بابل', 'Babol'],
];
const AFFILIATIONS = ['PMOI', 'Fadaiyan', 'Tudeh', 'Komala', 'KDPI', 'Rah-e Kargar', 'unknown'];
const SOURCES = ['Synthetic testimony collection', 'Synthetic relatives list', 'Synthetic prison roster', 'Synthetic court records', 'Synthetic press archive'];
const FATES: Array<[string, number]> = [['executed', 0.86], ['disappeared', 0.05], ['unknown', 0.05], ['died in custody', 0.03], ['survived', 0.01]];
const SH_MONTHS_LATIN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const SH_MONTHS_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const HOSTILE = ["=cmd|' /C calc'!A0", '@SUM(1)', '+98 21 5555 5555', '-1', '\tleading tab', "'=already guarded", '<script>alert(1)</script>', '=HYPERLINK("http://example.invalid","x")'];
const NOTES = [
  'Named in a relative\'s testimony, 1990',
  'Seen in ward 3, "the amphitheatre"',
  'Transferred twice, according to a cellmate',
  'Family told in November 1988\nBelongings returned',
  'Letter from prison, dated 1367',
];

const persianDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const pad = (n: number) => String(n).padStart(2, '0');

export function generatePersonRows(count: number, seed = 1988): string[][] {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const chance = (p: number) => r() < p;
  /** A death date in summer 1988, in one of the formats of the README. */
  const deathDate = (): string => {
    const day = Math.floor(r() * 74); // 1988-07-19 .. 1988-09-30
    const g = new Date(Date.UTC(1988, 6, 19 + day));
    const iso = `${g.getUTCFullYear()}-${pad(g.getUTCMonth() + 1)}-${pad(g.getUTCDate())}`;
    // Solar Hijri 1367: 1 Tir = 1988-06-22, each of the first six months has 31 days.
    const sinceTir = Math.round((g.getTime() - Date.UTC(1988, 5, 22)) / 86_400_000);
    const shMonth = 4 + Math.floor(sinceTir / 31);
    const shDay = (sinceTir % 31) + 1;
    switch (Math.floor(r() * 10)) {
      case 0:
      case 1:
        return iso;
      case 2:
        return `1367/${pad(shMonth)}/${pad(shDay)}`;
      case 3:
        return persianDigits(`1367/${pad(shMonth)}/${pad(shDay)}`);
      case 4:
        return `${SH_MONTHS_LATIN[shMonth - 1]} 1367`;
      case 5:
        return persianDigits(`${shDay} ${SH_MONTHS_FA[shMonth - 1]} 1367`);
      case 6:
        return `1988-${pad(g.getUTCMonth() + 1)}?`;
      case 7:
        return '1988-07~/1988-09~';
      case 8:
        return `1988-${pad(g.getUTCMonth() + 1)}`;
      default:
        return chance(0.5) ? '1988' : iso;
    }
  };
  const rows: string[][] = [[...PERSON_COLUMNS]];
  for (let i = 1; i <= count; i++) {
    const female = chance(0.15);
    const first = female ? FIRST[FEMALE_FROM + Math.floor(r() * (FIRST.length - FEMALE_FROM))]! : FIRST[Math.floor(r() * FEMALE_FROM)]!;
    const last = pick(LAST);
    const father = FIRST[Math.floor(r() * FEMALE_FROM)]!;
    const script = r();
    const hasFa = script < 0.65;
    const hasLatin = script >= 0.21;
    const latin = (name: [string, ...string[]]) => (chance(0.7) ? name[1]! : pick(name.slice(1)));
    const nameFa = hasFa ? `${first[0]} ${last[0]}` : '';
    const nameLatin = hasLatin ? `${latin(first)} ${latin(last)}` : '';
    const others: string[] = [];
    if (chance(0.1)) {
      for (let k = 0; k < 1 + Math.floor(r() * 2); k++) {
        const variant = `${pick(first.slice(1))} ${pick(last.slice(1))}`;
        if (variant !== nameLatin && !others.includes(variant)) others.push(variant);
      }
      if (!hasFa && chance(0.3)) others.push(`${first[0]} ${last[0]}`);
    }
    const prison = pick(PRISONS);
    const burial = chance(0.3) ? pick(BURIALS) : null;
    const birth = chance(0.5) ? pick(CITIES) : null;
    let fateRoll = r();
    const fate = FATES.find(([, p]) => (fateRoll -= p) < 0)?.[0] ?? 'executed';
    const row: Record<(typeof PERSON_COLUMNS)[number], string> = {
      ref: `G-${String(i).padStart(6, '0')}`,
      name_fa: nameFa,
      name_latin: nameLatin,
      other_names: others.join('; '),
      father_name_fa: hasFa ? father[0] : '',
      father_name_latin: hasLatin ? father[1]! : '',
      sex: chance(0.02) ? 'unknown' : female ? 'female' : 'male',
      birth_date: chance(0.7) ? (chance(0.9) ? String(1940 + Math.floor(r() * 30)) : `19${40 + Math.floor(r() * 30)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`) : '',
      birth_place: birth ? (chance(0.5) ? birth[0] : birth[1]) : '',
      arrest_date: chance(0.5) ? (chance(0.8) ? String(1981 + Math.floor(r() * 6)) : `136${1 + Math.floor(r() * 5)}/0${1 + Math.floor(r() * 9)}/1${Math.floor(r() * 9)}`) : '',
      prison: hasFa && !hasLatin ? prison[0] : chance(0.3) ? prison[0] : prison[1],
      fate,
      death_date: fate === 'survived' || chance(0.05) ? '' : deathDate(),
      death_place: chance(0.05) ? (chance(0.5) ? prison[0] : prison[1]) : '',
      burial_place: burial ? (chance(0.5) ? burial[0] : burial[1]) : '',
      affiliation: chance(0.6) ? pick(AFFILIATIONS) : '',
      notes: chance(0.02) ? pick(NOTES) : '',
      source: pick(SOURCES),
    };
    if (chance(0.01)) {
      const column = pick(['notes', 'affiliation', 'other_names', 'name_latin'] as const);
      row[column] = column === 'name_latin' ? `${pick(HOSTILE)} ${nameLatin}`.trim() : pick(HOSTILE);
    }
    rows.push(PERSON_COLUMNS.map((c) => row[c]));
  }
  return rows;
}

/** The rows as a CSV file: UTF-8 with a byte-order mark, CRLF line ends, line breaks inside quoted cells. */
export function generatePersonsCsv(count: number, seed = 1988): string {
  return '\ufeff' + stringify(generatePersonRows(count, seed), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, out, seed] = process.argv.slice(2);
  if (!count || !out) {
    process.stderr.write('Usage: tsx scripts/bench/generate-persons.ts COUNT OUT.csv [SEED]\n');
    process.exit(2);
  }
  writeFileSync(out, generatePersonsCsv(Number(count), seed ? Number(seed) : undefined));
}
