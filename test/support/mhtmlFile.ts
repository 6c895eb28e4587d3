/**
 * A page saved as Chrome saves "Webpage, Single File": a multipart/related MIME message whose first
 * part is the page's HTML in quoted-printable, followed by its resources (here one image, base64).
 */
export function mhtmlOf(html: Uint8Array, { url, date }: { url: string; date: string }): string {
  const boundary = '----MultipartBoundary--Q7yRmM5ycXPqX1sT0sJ4vL8A0fGWpTbq2c2w1VvG9A----';
  return [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${url}`,
    'Subject: =?utf-8?Q?Collections_Coordinator_vs_Account_Specialist?=',
    `Date: ${date}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${boundary}"`,
    '',
    '',
    `--${boundary}`,
    'Content-Type: text/html',
    'Content-ID: <frame-5D1C1C3A9F5E4B8E2F0A1B2C3D4E5F60@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    `Content-Location: ${url}`,
    '',
    quotedPrintable(html),
    `--${boundary}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://www.zippia.com/favicon.png',
    '',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** Quoted-printable (RFC 2045 6.7) as Chrome writes it: lines of at most 76 characters, soft breaks with `=`. */
function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x0a) {
      lines.push(line);
      line = '';
    } else if (byte === 0x0d && bytes[i + 1] === 0x0a) {
      continue;
    } else if ((byte >= 33 && byte <= 126 && byte !== 0x3d) || ((byte === 0x20 || byte === 0x09) && bytes[i + 1] !== 0x0a && i + 1 < bytes.length)) {
      push(String.fromCharCode(byte));
    } else {
      push(`=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  }
  lines.push(line);
  return lines.join('\r\n');
}
