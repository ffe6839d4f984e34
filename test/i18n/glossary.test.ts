/**
 * One word per concept (docs/glossary.vi.md): no Vietnamese text of the catalogue uses a variant
 * the glossary sets aside. Each rule names the word to use instead, so that whoever adds a message
 * learns the word here rather than from a reviewer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const catalog = new URL('../../src/i18n/catalog/', import.meta.url);
const files = readdirSync(catalog).filter((name) => name.endsWith('.ts'));

/**
 * The Vietnamese side of a catalogue file: every stretch of source from a `vi:` to the next `en:`
 * (a message's Vietnamese, a ternary of two, a `const vi` table), without interpolated code
 * (`${p.sidecar}`) and file names (token.json).
 */
function vietnamese(source: string): string {
  const out: string[] = [];
  let at = source.indexOf('vi:');
  while (at !== -1) {
    const end = source.indexOf('en:', at);
    out.push(source.slice(at, end === -1 ? undefined : end));
    at = end === -1 ? -1 : source.indexOf('vi:', end);
  }
  return out
    .join('\n')
    .replace(/\$\{[^}]*\}/g, ' ')
    .replace(/[\w.-]+\.(?:json|ya?ml|env)\b/g, ' ');
}

interface Rule {
  banned: RegExp;
  use: string;
  /** Catalogue files where the variant is the right word. */
  except?: string[];
}

const RULES: Rule[] = [
  { banned: /ảnh thu nhỏ/iu, use: 'hình thu nhỏ (thumbnail)' },
  { banned: /thể loại/iu, use: 'danh mục (category)' },
  { banned: /kiểm duyệt/iu, use: 'thẩm định (Google’s audit) or xác minh (the channel)' },
  { banned: /hạn ngạch|định mức/iu, use: 'hạn mức (quota)' },
  { banned: /hạn mức[^.;!?]*(?:cấp|đặt) lại/iu, use: 'hạn mức được làm mới (quota reset)' },
  { banned: /chi phí/iu, use: 'sẽ dùng … đơn vị hạn mức (miễn phí): quota is not money' },
  { banned: /chạy thử/iu, use: 'xem trước (--dry-run); chạy thử is happytube demo', except: ['demo.ts'] },
  { banned: /giờ công khai|thời điểm công khai|hẹn giờ/iu, use: 'Lên lịch / thời gian lên lịch (publishAt)' },
  { banned: /khóa danh sách phát|danh sách phát (?:với|có) khóa|KHÓA/u, use: 'mã danh sách phát (playlist key)' },
  { banned: /tệp (?:kèm theo|đi kèm)(?! clip)|\bsidecar\b/iu, use: 'tệp .yaml đi kèm clip (sidecar)' },
  { banned: /đường link|\blink\b/iu, use: 'đường liên kết (URL)' },
  { banned: /\bclient\b(?! ID\)| secret\))/u, use: 'mã ứng dụng (OAuth client ID), explained once' },
  { banned: /\btoken\b/iu, use: 'mã truy cập / quyền truy cập' },
  { banned: /chế độ (?:private|public|unlisted)\b/iu, use: 'Riêng tư, Không công khai, Công khai' },
  { banned: /trang đồng ý/iu, use: 'trang xin quyền (the consent screen)' },
  { banned: /[«»]/u, use: '“ ” quotes' },
];

describe('the glossary', () => {
  it('finds the Vietnamese side of the catalogue', () => {
    const text = vietnamese(readFileSync(new URL('sync.ts', catalog), 'utf8'));
    expect(text).toContain('danh sách phát');
    expect(text).not.toContain('Make the channel match the folder');
  });

  it('every rule would catch its variant', () => {
    const samples = ['ảnh thu nhỏ', 'Thể loại', 'kiểm duyệt', 'hạn ngạch', 'hạn mức được cấp lại', 'Chi phí', 'Chạy thử', 'giờ công khai', 'khóa danh sách phát', 'tệp kèm theo', 'đường link', 'OAuth client', 'refresh token', 'chế độ private', 'trang đồng ý', '«'];
    RULES.forEach((rule, i) => expect(rule.banned.test(samples[i]!), String(rule.banned)).toBe(true));
    expect(RULES[11]!.banned.test('mã ứng dụng (OAuth client ID)')).toBe(false);
    expect(RULES[9]!.banned.test('tệp .yaml đi kèm clip')).toBe(false);
  });

  for (const file of files) {
    it(`${file}: no variant the glossary sets aside, and NFC`, () => {
      const source = readFileSync(new URL(file, catalog), 'utf8');
      expect(source.normalize('NFC')).toBe(source);
      const text = vietnamese(source);
      const found = RULES.filter((rule) => !rule.except?.includes(file)).flatMap((rule) => {
        const m = rule.banned.exec(text);
        return m ? [`“${m[0]}” → ${rule.use}`] : [];
      });
      expect(found, 'see docs/glossary.vi.md').toEqual([]);
    });
  }
});
