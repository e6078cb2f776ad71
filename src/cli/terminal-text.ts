/**
 * Untrusted text (file names, reasons that quote them) made safe to print on a terminal: control characters
 * (newlines, escape sequences) and bidirectional-text controls are shown as visible escapes such as `\n` or
 * `\u202e`, so a file name cannot split a summary line, move the cursor or reorder what is shown, and it can
 * still be told apart from others. The JSON output carries the text verbatim instead.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
