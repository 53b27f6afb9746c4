/** The embed follows the visitor's colour scheme (the host page cannot reach into the iframe). */
const dark = matchMedia('(prefers-color-scheme: dark)');
const apply = () => (document.documentElement.dataset.theme = dark.matches ? 'dark' : 'light');
apply();
dark.addEventListener('change', apply);
