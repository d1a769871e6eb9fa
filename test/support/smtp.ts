import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as it arrived, its MIME structure decoded (headers, text and HTML parts, attachments). */
export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  from: string;
  replyTo: string | undefined;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

interface MimePart {
  headers: Map<string, string>;
  body: string; // latin1: one char per byte, as it came over the wire
}

/**
 * A real SMTP server in the test process (smtp-server, no authentication, plain TCP on 127.0.0.1) that
 * keeps what it receives. `refuse` makes it answer every message with a permanent error.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  refuse: string | null = null;
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.refuse) {
            const error = Object.assign(new Error(this.refuse), { responseCode: 550 });
            return callback(error);
          }
          const to = session.envelope.rcptTo.map((r) => r.address);
          this.received.push(parseMail(Buffer.concat(chunks).toString('latin1'), to));
          callback();
        });
      },
    });
  }

  static async start(): Promise<TestSmtpServer> {
    const smtp = new TestSmtpServer();
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The messages received for an address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const root = parsePart(raw);
  const leaves = flatten(root);
  const inline = (type: string) => leaves.find((p) => contentType(p) === type && !isAttachment(p));
  const textPart = inline('text/plain');
  const htmlPart = inline('text/html');
  return {
    to,
    from: decodeWords(root.headers.get('from') ?? ''),
    replyTo: root.headers.has('reply-to') ? decodeWords(root.headers.get('reply-to')!) : undefined,
    subject: decodeWords(root.headers.get('subject') ?? ''),
    text: textPart ? decodeBody(textPart).toString('utf8') : '',
    html: htmlPart ? decodeBody(htmlPart).toString('utf8') : '',
    attachments: leaves.filter(isAttachment).map((p) => ({
      filename: decodeWords(param(p.headers.get('content-disposition') ?? '', 'filename') ?? ''),
      contentType: contentType(p),
      content: decodeBody(p),
    })),
  };
}

function parsePart(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function flatten(part: MimePart): MimePart[] {
  const boundary = param(part.headers.get('content-type') ?? '', 'boundary');
  if (!contentType(part).startsWith('multipart/') || !boundary) return [part];
  const pieces = part.body.split(`--${boundary}`).slice(1);
  return pieces
    .filter((piece) => !piece.startsWith('--'))
    .flatMap((piece) => flatten(parsePart(piece.replace(/^\r\n/, '').replace(/\r\n$/, ''))));
}

const contentType = (p: MimePart) => (p.headers.get('content-type') ?? 'text/plain').split(';')[0].trim().toLowerCase();
const isAttachment = (p: MimePart) => /^attachment/i.test(p.headers.get('content-disposition') ?? '');

function param(header: string, name: string): string | undefined {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2]) : undefined;
}

function decodeBody(p: MimePart): Buffer {
  const encoding = (p.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(p.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return quotedPrintable(p.body);
  return Buffer.from(p.body, 'latin1');
}

function quotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), adjacent ones joined. */
function decodeWords(value: string): string {
  const decoded = value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('latin1')
        : quotedPrintable(text.replace(/_/g, ' ')).toString('latin1'),
    );
  return Buffer.from(decoded, 'latin1').toString('utf8');
}
