// The library API: what `import { ... } from 'ocindex-profiles'` offers.
export { loadCorpus, validate, type Corpus, type CorpusOptions } from './corpus.js';
export { loadConfig, type Config } from './config/config.js';
export { loadEditions, EditionError } from './edition/load.js';
export type { Edition, Country, IndicatorGroup, Indicator, OutlineSection } from './edition/edition.js';
export type { Profile } from './profile/parse.js';
export type { ProfileData, Status, Ranks } from './profile/data.js';
export type { ValidProfile, Severity } from './validate/rule.js';
export type { Validation, RuleSettings } from './validate/validate.js';
export { summarize, type Summary, type FlatMessage } from './report/messages.js';
export { profileSchemaFor } from './validate/profile-schema.js';
export { datasetCsv } from './export/csv.js';
export { exportedProfile, profilesJson, type ExportedProfile } from './export/json.js';
export { parseShard, shardOf, type Shard } from './shard.js';
export { InputError } from './io/collect.js';
export { renderHtml, type HtmlOptions } from './render/html.js';
export { renderPdf, CopyFitError } from './render/render-pdf.js';
export { launchBrowser, BrowserError } from './render/browser.js';
export { startPreview } from './preview/server.js';
