import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { architecturePath, cruiseArchitecture, documentedTable } from './support/architecture-graph.js';

describe('architecture (ARCHITECTURE.md, checked by dependency-cruiser)', () => {
  const report = cruiseArchitecture();

  it('has no cycles, no upward import between src/ layers, no platform in src/, no adapter importing another', () => {
    expect(report.violations).toEqual([]);
  });

  it("ARCHITECTURE.md's table is the real import graph (redraw with `npm run architecture`)", () => {
    const documented = documentedTable(readFileSync(architecturePath(), 'utf8'));
    expect(documented, 'ARCHITECTURE.md lacks the architecture-graph block').not.toBeNull();
    expect(documented).toBe(report.table);
  });
});
