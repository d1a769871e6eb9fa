/** A message as it goes out: a French subject, a plain-text body and its HTML equivalent. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every value that reaches the HTML goes through here: names, titles and places are typed by people. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A block of the message, said once and drawn twice: as text lines and as simple semantic HTML. */
export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'list'; heading: string; items: string[]; ordered: boolean }
  | { kind: 'link'; label: string; href: string };

/**
 * The message from its blocks: plain text first (what a screen reader or a text-only client reads), and
 * an HTML page in French (`lang="fr"`) with a heading, paragraphs, lists and one plain link — no tables
 * for layout, no images, so that it reads in the same order everywhere.
 */
export function composeMail(subject: string, greeting: string, blocks: Block[]): MailContent {
  const text = [greeting, '', ...blocks.flatMap(textOf), SIGNATURE].join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="fr">',
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body>',
    `<h1>${escapeHtml(subject)}</h1>`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...blocks.map(htmlOf),
    `<p>${escapeHtml(SIGNATURE)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
  return { subject, text, html };
}

const SIGNATURE = 'La mission ISS — ARS Occitanie';

function textOf(block: Block): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [block.text, ''];
    case 'facts':
      return [...block.items.map((i) => `${i.label} : ${i.value}`), ''];
    case 'list':
      return [
        `${block.heading} :`,
        ...block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)),
        '',
      ];
    case 'link':
      return [`${block.label} : ${block.href}`, ''];
  }
}

function htmlOf(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<dl>${block.items.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
      return `<h2>${escapeHtml(block.heading)}</h2><${tag}>${items}</${tag}>`;
    }
    case 'link':
      return `<p><a href="${escapeHtml(block.href)}">${escapeHtml(block.label)}</a></p>`;
  }
}
