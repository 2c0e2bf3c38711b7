/** The config files a project may have, in the order they are looked for. */
export const configFiles = ['ocindex.config.json', 'ocindex.config.js', 'ocindex.config.mjs'];

/** What marks a project's root folder: a config file, package.json or a git repository. */
export const projectRootMarkers = [...configFiles, 'package.json', '.git'];
