// MathJax settings of the arxiv-digest site: TeX between $...$ or \(...\) in titles and abstracts, drawn as SVG.
// Paper text is hostile input: nothing is loaded on demand (no autoload, no \require, so no request at view time),
// and \href and \url show their text instead of making a link.
window.MathJax = {
  loader: {load: []},
  tex: {
    inlineMath: [['$', '$'], ['\\(', '\\)']],
    displayMath: [['$$', '$$'], ['\\[', '\\]']],
    processEscapes: true,
    packages: {'[-]': ['require', 'autoload']},
    macros: {href: ['{#2}', 2], url: ['{\\texttt{#1}}', 1]}
  },
  options: {skipHtmlTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'nav', 'footer']},
  svg: {fontCache: 'global'}
};
