import { simpleParser } from 'mailparser';
import type { AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { encodeHeaderWords, renderEml, rfc5322Date } from '../../src/report/eml.ts';
import { sampleModel, TRICKY_TITLE } from './fixture.ts';

function recipients(to: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(to) ? to : to ? [to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describe('E-mail report', () => {
  const model = sampleModel();
  const eml = renderEml(model);

  it('is a draft message: CRLF lines of at most 78 characters, ASCII headers, X-Unsent', () => {
    const [head] = eml.split('\r\n\r\n');
    expect(head).toMatch(/^X-Unsent: 1$/m);
    expect(head).toMatch(/^MIME-Version: 1\.0$/m);
    expect(head).not.toMatch(/^From:/m);
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(eml).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('parses with mailparser: recipient, Vietnamese subject, date, links of the new videos by playlist', async () => {
    const mail = await simpleParser(eml);
    expect(recipients(mail.to)).toEqual(['truonghochhanhphuctphcm@gmail.com']);
    expect(mail.subject).toBe('[Trường học hạnh phúc] Trường Mầm non Thiên Đức – video từ ngày 15/11/2024 đến ngày 26/11/2024');
    expect(mail.date?.toISOString()).toBe(model.generatedAt.toISOString());
    expect(mail.headers.get('x-unsent')).toBe('1');
    const text = mail.text ?? '';
    expect(text).toContain('Kính gửi Sở Giáo dục và Đào tạo,');
    expect(text).toContain('- 20/11/2024 – Hội thi bé khỏe\n  https://www.youtube.com/watch?v=vid00000001');
    expect(text).toContain(`- 21/11/2024 – ${TRICKY_TITLE}\n  https://www.youtube.com/watch?v=vid00000003`);
    expect(text).toContain('https://www.youtube.com/watch?v=vid00000005');
    // Published before `since`: left out. Private: left out, and said so.
    expect(text).not.toContain('vid00000002');
    expect(text).not.toContain('Đón Trung thu');
    expect(text).not.toContain('vid00000004');
    expect(text).toContain('1 video đang ở chế độ riêng tư');
    // Grouped by playlist, in the model's order; an empty playlist is not listed.
    const order = ['Mục đích xây dựng Trường học hạnh phúc (1 video)', 'Bộ Tiêu chí Trường học hạnh phúc (1 video)', 'Mô hình hay (1 video)'].map((h) =>
      text.indexOf(h),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).not.toContain('Quá trình và kết quả');

    const html = typeof mail.html === 'string' ? mail.html : '';
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=vid00000001">Hội thi bé khỏe</a>');
    expect(html).toContain('Bé &lt;b&gt;vẽ&lt;/b&gt; &quot;mẹ&quot; &amp; cô &lt;script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('lists every viewable video without `since`, and says so when there is nothing new', async () => {
    const all = await simpleParser(renderEml(sampleModel({ since: undefined })));
    expect(all.subject).toBe('[Trường học hạnh phúc] Trường Mầm non Thiên Đức – video đến ngày 26/11/2024');
    expect(all.text).toContain('https://www.youtube.com/watch?v=vid00000002');
    const none = await simpleParser(renderEml(sampleModel({ since: new Date('2024-11-25T00:00:00Z') })));
    expect(none.text).toContain('Từ ngày 25/11/2024, Trường Mầm non Thiên Đức chưa đăng thêm video mới nào');
    expect(none.text).not.toContain('youtube.com/watch');
  });

  it('is in Vietnamese even for an English library: it goes to the Department', async () => {
    const mail = await simpleParser(renderEml(sampleModel({ language: 'en' })));
    expect(mail.subject).toMatch(/^\[Trường học hạnh phúc\]/);
  });

  it('cannot be given extra headers through the recipient', async () => {
    const mail = await simpleParser(renderEml(sampleModel({ departmentEmail: 'a@b.vn\r\nBcc: spy@evil.example' })));
    expect(mail.headers.has('bcc')).toBe(false);
  });

  it('splits a long subject into encoded words without cutting a character', () => {
    const subject = 'Đón Trung thu – Hội thi bé khỏe – '.repeat(6);
    const folded = encodeHeaderWords(subject);
    const words = folded.split('\r\n ');
    expect(words.length).toBeGreaterThan(3);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      const payload = /^=\?UTF-8\?B\?(.*)\?=$/.exec(word)?.[1] ?? '';
      expect(Buffer.from(payload, 'base64').toString('utf8')).not.toContain('\uFFFD');
    }
    expect(words.map((w) => Buffer.from(w.slice(10, -2), 'base64').toString('utf8')).join('')).toBe(subject);
  });

  it('dates the message in the library time zone', () => {
    expect(rfc5322Date(new Date('2024-11-26T08:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Tue, 26 Nov 2024 15:30:00 +0700');
    expect(rfc5322Date(new Date('2024-11-26T08:30:00Z'), 'UTC')).toBe('Tue, 26 Nov 2024 08:30:00 +0000');
  });
});
