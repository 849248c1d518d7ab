import { isOpen, type Assessment, type Roadmap } from '../model.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** The roadmap as the JSON report carries it: the original keys first, then the plan's. */
export function roadmapObject(r: Roadmap) {
  return {
    phases: r.phases.map((p) => ({
      id: p.id,
      title: p.title,
      items: p.items.map((i) => ({
        rule: i.rule,
        topics: i.topics,
        title: i.title,
        severity: i.severity,
        kind: i.kind,
        rules: i.rules,
        stage: i.stage,
        months: i.months,
        upcoming: i.upcoming,
        urgent: i.urgent,
        why: i.why,
        requires: i.requires,
        unlocks: i.unlocks,
        expected_effect: i.expected_effect,
        lead_time: i.lead_time,
      })),
    })),
    summary: r.summary,
    projection: r.projection,
    assumptions: r.assumptions,
  };
}

/** The JSON report of spec/OUTPUT.md. Built as an object, then serialized. */
export function jsonReportObject(a: Assessment) {
  return {
    schema_version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    profile: a.profilePath,
    project: a.project ?? null,
    ...(a.owner ? { owner: a.owner } : {}),
    assessed_on: a.assessedOn ?? null,
    stage: {
      id: a.stage.id,
      index: a.stage.index,
      name: a.stage.name,
      model: a.stage.model,
      decided_by: a.stage.decided_by,
      dimensions: a.stage.dimensions,
    },
    findings: a.findings.map((f) => ({
      rule: f.rule,
      title: f.title,
      kind: f.kind,
      severity: f.severity,
      topics: f.topics,
      message: f.message,
      evidence: f.evidence.map((e) => ({ fact: e.fact, value: e.value, provenance: e.provenance, line: e.line, column: e.column, ...(e.origin ? { origin: e.origin } : {}), ...(e.baseline !== undefined ? { baseline: e.baseline } : {}) })),
      ...(f.components ? { components: f.components } : {}),
      recommendation: f.recommendation,
      status: f.status,
      addressed_by: f.addressed_by,
      // open findings only: the day the finding was first seen open (carried by --compare), else this assessment's day
      open_since: isOpen(f) ? (f.open_since ?? a.assessedOn ?? null) : null,
      sources: f.sources,
      ...(f.unlocks?.length ? { unlocks: f.unlocks } : {}),
    })),
    groups: (a.groups ?? []).map((g) => ({ id: g.id, title: g.title, lead: g.lead, severity: g.severity, kind: g.kind, findings: g.findings })),
    held: a.held ?? [],
    not_evaluated: a.notEvaluated,
    roadmap: roadmapObject(a.roadmap),
    ...(a.scenario ? { scenario: a.scenario } : {}),
    ...(a.whatIf ? { what_if: a.whatIf } : {}),
    ...(a.comparison ? { comparison: a.comparison } : {}),
    summary: {
      open: a.findings.filter((f) => f.status === 'open').length,
      addressed: a.findings.filter((f) => f.status === 'addressed').length,
      waived: a.findings.filter((f) => f.status === 'waived').length,
      expired_waivers: a.findings.filter((f) => f.status === 'expired-waiver').length,
    },
    waivers: a.waivers ?? [],
    completeness: a.completeness,
    ...(a.conflicts.length ? { conflicts: a.conflicts } : {}),
    ...(a.repository ? { repository: { detected_facts: a.repository.detected, notes: a.repository.notes, profile_found: !a.repository.withoutProfile } } : {}),
  };
}

export function formatJson(a: Assessment): string {
  return JSON.stringify(jsonReportObject(a), null, 2) + '\n';
}
