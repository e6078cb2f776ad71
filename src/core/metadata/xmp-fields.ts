/**
 * Reading the few XMP properties Vigil normalises straight from the XMP packet text. exifr's own XMP parser turns
 * values that look like numbers or booleans into numbers and booleans ("007" becomes 7) and does not decode XML
 * entities, so the fields are read here instead: namespace prefixes resolved from their URIs, simple values in
 * element or attribute form, rdf:Alt (x-default first), rdf:Bag and rdf:Seq items, entities and CDATA decoded.
 *
 * The scan uses indexOf only (no backtracking regular expressions), so a hostile packet costs linear time.
 */
import { cleanText, decodeXmlEntities } from './text-decoding';

export const XMP_NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  exif: 'http://ns.adobe.com/exif/1.0/',
  exifEX: 'http://cipa.jp/exif/1.0/',
  aux: 'http://ns.adobe.com/exif/1.0/aux/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
} as const;

export type XmpNamespace = keyof typeof XMP_NAMESPACES;

interface XmpItem {
  text: string;
  lang: string | null;
}

/** Longest packet scanned, in characters; longer packets are read up to this length. */
export const MAX_XMP_SCAN = 4 * 1024 * 1024;

export class XmpPacket {
  private readonly text: string;
  private readonly prefixes = new Map<string, string[]>();

  constructor(packet: string) {
    this.text = packet.length > MAX_XMP_SCAN ? packet.slice(0, MAX_XMP_SCAN) : packet;
    for (const [prefix, uri] of declaredNamespaces(this.text)) {
      const list = this.prefixes.get(uri) ?? [];
      if (!list.includes(prefix)) list.push(prefix);
      this.prefixes.set(uri, list);
    }
  }

  /** A simple or language-alternative value: the x-default item first, else the first one. */
  value(ns: XmpNamespace, name: string): string | null {
    const items = this.items(ns, name);
    const preferred = items.find((item) => item.lang === 'x-default') ?? items[0];
    return preferred?.text ?? null;
  }

  /** Every item of a Bag or Seq (or the one simple value), in order. */
  values(ns: XmpNamespace, name: string): string[] {
    return this.items(ns, name).map((item) => item.text);
  }

  private items(ns: XmpNamespace, name: string): XmpItem[] {
    for (const prefix of this.prefixesOf(ns)) {
      const items = this.elementItems(`${prefix}:${name}`) ?? this.attributeItems(`${prefix}:${name}`);
      if (items && items.length > 0) return items;
    }
    return [];
  }

  private prefixesOf(ns: XmpNamespace): string[] {
    return this.prefixes.get(XMP_NAMESPACES[ns]) ?? [ns];
  }

  private get rdf(): string {
    return this.prefixesOf('rdf')[0] ?? 'rdf';
  }

  /** `<p:name ...>value</p:name>` or `<p:name><rdf:Alt|Bag|Seq><rdf:li>…</rdf:li></…></p:name>`. */
  private elementItems(qname: string): XmpItem[] | null {
    const element = findElement(this.text, qname, 0, this.text.length);
    if (!element) return null;
    if (element.inner === null) {
      const resource = attributeValue(element.attributes, `${this.rdf}:resource`);
      return resource === null ? [] : itemOf(resource, null);
    }
    const liName = `${this.rdf}:li`;
    if (!element.inner.includes(`<${liName}`)) {
      if (element.inner.includes('<') && !element.inner.includes('<![CDATA[')) return [];
      return itemOf(element.inner, xmlLang(element.attributes));
    }
    const items: XmpItem[] = [];
    let from = 0;
    for (;;) {
      const li = findElement(element.inner, liName, from, element.inner.length);
      if (!li) break;
      from = li.end;
      if (li.inner === null) continue;
      // A structure inside an item (a nested rdf:Description) is not text.
      if (li.inner.includes('<') && !li.inner.includes('<![CDATA[')) continue;
      items.push(...itemOf(li.inner, xmlLang(li.attributes)));
    }
    return items;
  }

  /** `<rdf:Description p:name="value" …>`. */
  private attributeItems(qname: string): XmpItem[] | null {
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(qname, from);
      if (at === -1) return null;
      from = at + qname.length;
      const before = this.text.charCodeAt(at - 1);
      if (!(before === 32 || before === 9 || before === 10 || before === 13)) continue;
      let i = from;
      while (i < this.text.length && /\s/.test(this.text[i] ?? '')) i++;
      if (this.text[i] !== '=') continue;
      i++;
      while (i < this.text.length && /\s/.test(this.text[i] ?? '')) i++;
      const quote = this.text[i];
      if (quote !== '"' && quote !== "'") continue;
      const close = this.text.indexOf(quote, i + 1);
      if (close === -1) return null;
      return itemOf(this.text.slice(i + 1, close), null);
    }
  }
}

interface FoundElement {
  attributes: string;
  /** Null for a self-closing element. */
  inner: string | null;
  end: number;
}

/** The first `<qname …>…</qname>` or `<qname …/>` in text[from, to). */
function findElement(text: string, qname: string, from: number, to: number): FoundElement | null {
  const open = `<${qname}`;
  let at = text.indexOf(open, from);
  while (at !== -1 && at < to) {
    const next = text[at + open.length];
    if (next === '>' || next === '/' || next === ' ' || next === '\t' || next === '\n' || next === '\r') {
      const tagEnd = text.indexOf('>', at + open.length);
      if (tagEnd === -1 || tagEnd >= to) return null;
      const selfClosing = text[tagEnd - 1] === '/';
      const attributes = text.slice(at + open.length, selfClosing ? tagEnd - 1 : tagEnd);
      if (selfClosing) return { attributes, inner: null, end: tagEnd + 1 };
      const close = text.indexOf(`</${qname}`, tagEnd + 1);
      if (close === -1 || close >= to) return null;
      const closeEnd = text.indexOf('>', close);
      return { attributes, inner: text.slice(tagEnd + 1, close), end: closeEnd === -1 ? to : closeEnd + 1 };
    }
    at = text.indexOf(open, at + open.length);
  }
  return null;
}

function attributeValue(attributes: string, qname: string): string | null {
  const at = attributes.indexOf(`${qname}=`);
  if (at === -1) return null;
  const quote = attributes[at + qname.length + 1];
  if (quote !== '"' && quote !== "'") return null;
  const close = attributes.indexOf(quote, at + qname.length + 2);
  return close === -1 ? null : attributes.slice(at + qname.length + 2, close);
}

function xmlLang(attributes: string): string | null {
  return attributeValue(attributes, 'xml:lang');
}

function itemOf(raw: string, lang: string | null): XmpItem[] {
  const unwrapped = raw.includes('<![CDATA[') ? raw.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1') : decodeXmlEntities(raw);
  const text = cleanText(unwrapped);
  return text === null ? [] : [{ text, lang }];
}

function declaredNamespaces(text: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf('xmlns:', from);
    if (at === -1) return found;
    from = at + 6;
    // Look only a short way ahead, so a packet full of broken declarations still costs linear time.
    const eq = text.slice(from, from + 64).indexOf('=');
    if (eq === -1) continue;
    const prefix = text.slice(from, from + eq).trim();
    const quote = text[from + eq + 1];
    if (!/^[A-Za-z_][\w.-]*$/.test(prefix) || (quote !== '"' && quote !== "'")) continue;
    const valueStart = from + eq + 2;
    const close = text.slice(valueStart, valueStart + 2048).indexOf(quote);
    if (close === -1) continue;
    found.push([prefix, decodeXmlEntities(text.slice(valueStart, valueStart + close)).trim()]);
  }
}
