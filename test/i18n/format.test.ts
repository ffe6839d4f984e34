/**
 * The one formatter of numbers, sizes and date-times (src/i18n/format.ts): Vietnamese groups
 * thousands with a dot and writes decimals with a comma, dates day first, the zone named.
 */
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDecimal, formatHour, formatInteger, formatIsoDateTime } from '../../src/i18n/format.ts';

describe('numbers', () => {
  it('groups thousands and marks decimals as each language does', () => {
    expect(formatInteger(1003, 'vi')).toBe('1.003');
    expect(formatInteger(10_000, 'vi')).toBe('10.000');
    expect(formatInteger(1_234_567, 'en')).toBe('1,234,567');
    expect(formatInteger(999, 'vi')).toBe('999');
    expect(formatDecimal(0.6, 1, 'vi')).toBe('0,6');
    expect(formatDecimal(1234.5, 1, 'vi')).toBe('1.234,5');
    expect(formatDecimal(1234.5, 1, 'en')).toBe('1,234.5');
    expect(formatDecimal(-0.04, 1, 'vi')).toBe('0,0');
    expect(formatDecimal(-2.5, 1, 'vi')).toBe('-2,5');
  });

  it('writes sizes in binary multiples, one decimal under 10', () => {
    expect(formatBytes(2.4 * 1024 * 1024, 'vi')).toBe('2,4 MB');
    expect(formatBytes(2.4 * 1024 * 1024, 'en')).toBe('2.4 MB');
    expect(formatBytes(1000, 'vi')).toBe('1.000 B');
    expect(formatBytes(12.3 * 1024 ** 3, 'vi')).toBe('12 GB');
  });
});

describe('dates and times', () => {
  const noonUtc = new Date(Date.UTC(2025, 0, 6, 12, 0, 0));

  it('shows Vietnam time by hand, never ISO or UTC', () => {
    expect(formatDateTime(noonUtc, 'vi')).toBe('19:00 ngày 06/01/2025 (giờ Việt Nam)');
    expect(formatDateTime(noonUtc, 'en')).toBe('19:00 on 6 Jan 2025 (Vietnam time)');
    // Across midnight: 20:30 UTC is 03:30 the next day in Vietnam.
    expect(formatDateTime(new Date(Date.UTC(2024, 11, 31, 20, 30)), 'vi')).toBe('03:30 ngày 01/01/2025 (giờ Việt Nam)');
    expect(formatIsoDateTime('2025-01-06T19:00:00+07:00', 'vi')).toBe('19:00 ngày 06/01/2025 (giờ Việt Nam)');
    expect(formatIsoDateTime('not a date', 'vi')).toBe('not a date');
  });

  it("shows another zone's clock and names it", () => {
    expect(formatDateTime(noonUtc, 'vi', 'Europe/Paris')).toBe('13:00 ngày 06/01/2025 (múi giờ Europe/Paris)');
    expect(formatDateTime(noonUtc, 'en', 'America/Los_Angeles')).toBe('04:00 on 6 Jan 2025 (America/Los_Angeles time)');
  });

  it('says an hour as people do', () => {
    expect(formatHour(15, 'vi')).toBe('15 giờ (3 giờ chiều)');
    expect(formatHour(14, 'vi')).toBe('14 giờ (2 giờ chiều)');
    expect(formatHour(9, 'vi')).toBe('9 giờ (9 giờ sáng)');
    expect(formatHour(19, 'vi')).toBe('19 giờ (7 giờ tối)');
    expect(formatHour(15, 'en')).toBe('15:00 (3 pm)');
  });
});
