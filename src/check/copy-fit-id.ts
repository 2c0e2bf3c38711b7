/** The gate's own check, beside the rule modules: its id can be set in the config like theirs. Kept free of imports: the config reads it. */
export const copyFitCheck = { id: 'copy-fit', description: 'The narrative fits the box of each printed page (ocindex check).' } as const;
