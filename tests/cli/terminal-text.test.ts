import { describe, expect, it } from 'vitest';
import { terminalText } from '../../src/cli/terminal-text';

describe('terminalText', () => {
  it('shows control and bidi characters as visible escapes and leaves other text alone', () => {
    expect(terminalText('a\nb\r\tc')).toBe('a\\nb\\r\\tc');
    expect(terminalText('\u001b[31mred\u0007')).toBe('\\u001b[31mred\\u0007');
    expect(terminalText('photo\u202egpj.exe')).toBe('photo\\u202egpj.exe');
    expect(terminalText('\u0085\u009b')).toBe('\\u0085\\u009b');
    const persian = 'اعدام ۱۳۶۷ - زندان اوین 100% .jpg';
    expect(terminalText(persian)).toBe(persian);
  });
});
