import type { Log, ReportingDescriptor, Result } from 'sarif';
import { toolkitVersion } from '../package/version.js';
import { printableJson } from '../text/unprintable.js';
import { allChecks } from './checks.js';
import type { Reporter } from './messages.js';

/**
 * SARIF 2.1.0, the format GitHub code scanning takes (github/codeql-action/upload-sarif): one run,
 * every check as a rule with its description, each message a result at its file, line and column.
 * Paths are relative to the working folder, which a workflow runs in: the repository root.
 */
export const sarifReporter: Reporter = (summary) => {
  const ids = [...new Set([...allChecks.map((c) => c.id), ...summary.messages.map((m) => m.ruleId)])];
  const described = new Map(allChecks.map((c) => [c.id, c.description]));
  const rules: ReportingDescriptor[] = ids.map((id) => ({
    id,
    shortDescription: { text: described.get(id) ?? id },
  }));
  const results: Result[] = summary.messages.map((m) => ({
    ruleId: m.ruleId,
    ruleIndex: ids.indexOf(m.ruleId),
    level: m.severity,
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(m.file), uriBaseId: '%SRCROOT%' }, region: { startLine: m.line, startColumn: m.column } } }],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ocindex', version: toolkitVersion(), rules } }, results, columnKind: 'utf16CodeUnits' }],
  };
  // Bidirectional and invisible characters in file names and messages as \u escapes, as the JSON reporter writes them.
  return `${printableJson(log, 2)}\n`;
};
