/**
 * `{{ title }}` and `{{ description }}` alone (the built-in template, a template's missing field)
 * are rendered without running Liquid: the result must be Liquid's, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { builtInTemplate, compileTemplate, makeEngine, renderTemplate } from '../../src/library/templates.ts';
import type { TemplateVariables } from '../../src/library/templates.ts';

const vars = (title: string, description: string): TemplateVariables => ({
  title,
  date: null,
  description,
  school: { name: 'Trường', website: '' },
  playlist: { key: '', title: '', description: '', url: '' },
  channel: { url: '' },
  file: { name: 'a.mp4', stem: 'a', ext: 'mp4', folder: '', size: 1 },
  vars: {},
});

const samples: [string, string][] = [
  ['Hội thi bé khỏe'.normalize('NFD'), '  Mô tả\n\n  dòng hai  '.normalize('NFD')],
  ['<b>A & B</b> "quoted" \'x\'', '{{ title }} {% if x %}y{% endif %}'],
  ['  many   spaces\tand\ttabs  ', ''],
  ['', '\n'],
];

describe('plain variable templates', () => {
  it('render exactly as Liquid renders them', () => {
    const engine = makeEngine();
    const builtIn = builtInTemplate(engine);
    // Spaces inside the braces are allowed too; a different text goes through Liquid.
    const custom = compileTemplate(engine, 'x', 'templates/x.yaml', 'title: "{{title}}"\ndescription: "{{ description | strip }}"\ntags: "{{ title }}"\n', [])!;
    const liquidOnly = {
      ...builtIn,
      parts: builtIn.parts.map(({ variable: _variable, ...part }) => part),
    };
    expect(builtIn.parts.map((p) => p.variable)).toEqual(['title', 'description']);
    expect(custom.parts.map((p) => p.variable)).toEqual(['title', undefined, 'title']);
    for (const [title, description] of samples) {
      const v = vars(title, description);
      expect(renderTemplate(engine, builtIn, v)).toEqual(renderTemplate(engine, liquidOnly, v));
      const customLiquid = { ...custom, parts: custom.parts.map(({ variable: _variable, ...part }) => part) };
      expect(renderTemplate(engine, custom, v)).toEqual(renderTemplate(engine, customLiquid, v));
    }
  });
});

describe("Liquid's own date filter", () => {
  it("names days and months in the library's language, whatever the computer's locale", () => {
    const render = (language: 'vi' | 'en'): string => {
      const engine = makeEngine(language);
      const template = compileTemplate(engine, 'x', 'templates/x.yaml', 'title: "{{ date | date: \'%A %d %B %Y\' }}"\n', [])!;
      return renderTemplate(engine, template, { ...vars('t', ''), date: '2024-11-20' }).rendered.title;
    };
    expect(render('vi')).toBe('Thứ Tư 20 Tháng 11 2024');
    expect(render('en')).toBe('Wednesday 20 November 2024');
  });
});
