// Advice fitted to the profile: steps the profile shows done are left out,
// and messages read as sentences (durations, singular and plural, stage names).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tailorRecommendation } from '../../src/engine/tailor.js';
import { aboutMonths, formatMonths } from '../../src/engine/format-value.js';
import { assessFile, assessText, ROOT } from '../helpers/assess.js';

const RULES = join(ROOT, 'test', 'fixtures', 'rules');
const finding = (a: ReturnType<typeof assessFile>, id: string) => a.findings.find((f) => f.rule === id)!;

describe('tailored recommendations', () => {
  it('drops the steps whose done_when holds and renumbers the rest', () => {
    const rec = 'Begin here. 1) Add a cache. 2) Add a CDN. 3) Add replicas.';
    const ctx = { architecture: { cdn: true } };
    expect(tailorRecommendation(rec, { '2': 'architecture.cdn' }, ctx)).toBe('Begin here. 1) Add a cache. 2) Add replicas.');
    // a condition whose facts are missing keeps its step
    expect(tailorRecommendation(rec, { '2': 'architecture.cdn' }, {})).toBe(rec);
    // one step left loses its number
    expect(tailorRecommendation('1) Add a cache. 2) Add a CDN.', { '2': 'true' }, {})).toBe('Add a cache.');
  });

  it('points a system without single points of failure at its deploy downtime', () => {
    const f = finding(assessFile(join(RULES, 'availability-below-slo', 'fires-deploy-downtime.yaml')), 'availability-below-slo');
    expect(f.message).toMatch(/Every deploy takes the application offline/);
    expect(f.recommendation).toMatch(/Stop deploys from taking the application offline/);
    expect(f.recommendation).not.toMatch(/two or more application instances|managed standby|load balancer redundant|two or more zones|Write a postmortem/);
  });

  it('keeps every step for a system that shows none of them done', () => {
    const f = finding(assessFile(join(RULES, 'availability-below-slo', 'fires.yaml')), 'availability-below-slo');
    expect(f.recommendation).toMatch(/managed standby/);
    expect(f.recommendation).toMatch(/Write a postmortem/);
  });

  it('does not ask a system with four instances to add a second', () => {
    const a = assessText('version: 1\ntraffic: { monthly_active_users: 60000 }\narchitecture: { app_instances: 4 }\ndelivery: { deploy_downtime: true, deploys_per_week: 1 }\n');
    const f = finding(a, 'deploy-downtime');
    expect(f.recommendation).not.toMatch(/second application instance/);
    expect(f.message).toMatch(/\(1 deploy a week\)/);
  });

  it('does not ask a team that writes postmortems to write them', () => {
    const f = finding(assessFile(join(RULES, 'incident-response', 'fires-with-postmortems.yaml')), 'incident-response');
    expect(f.recommendation).not.toMatch(/postmortem/);
    expect(f.recommendation).not.toMatch(/on-call rotation/);
    expect(f.recommendation).toMatch(/^1\) Write runbooks/);
  });
});

describe('natural messages', () => {
  it('says spans of months as durations', () => {
    expect(formatMonths(0.2)).toBe('less than a week');
    expect(formatMonths(0.3)).toBe('about a week');
    expect(formatMonths(0.6)).toBe('about 3 weeks');
    expect(formatMonths(1)).toBe('1 month');
    expect(formatMonths(4.3)).toBe('4.3 months');
    expect(formatMonths(30)).toBe('about 2.5 years');
    expect(formatMonths(120)).toBe('more than ten years');
    expect(formatMonths(0)).toBe('no time (the limit is already reached)');
  });

  it('gives a rule and the roadmap the same figure for the same span', () => {
    expect(aboutMonths(3.7)).toBe('about 3.7 months');
    expect(aboutMonths(0.2)).toBe('less than a week');
    expect(aboutMonths(0.6)).toBe('about 3 weeks');
    expect(aboutMonths(1)).toBe('about 1 month');
  });

  it('never quotes a bare fraction of a month', () => {
    const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
    for (const f of a.findings) expect(f.message, f.rule).not.toMatch(/\b0\.\d+ months?\b|: 0\.\d+\.?$/);
  });

  it('names the stage in words', () => {
    const a = assessText('version: 1\ntraffic: { monthly_active_users: 60000 }\nobservability: { metrics: false, alerting: none }\n');
    expect(finding(a, 'observability-blind').message).toMatch(/At the Growth stage/);
  });
});

describe('singular and plural', () => {
  it('counts deployables and teams in words that agree', () => {
    const a = assessText('version: 1\ntraffic: { monthly_active_users: 300000 }\narchitecture: { services: 1, style: monolith }\nteam: { engineers: 40, teams: 1, deploy_coordination_pain: true }\n');
    const texts = a.findings.map((f) => f.message).join('\n');
    expect(texts).not.toMatch(/\(s\)/);
    expect(texts).toMatch(/one deployable/);
    expect(texts).toMatch(/in one team/);
  });

  it('speaks of a single engineer, not "1 engineers"', () => {
    const a = assessText('version: 1\ntraffic: { monthly_active_users: 5000 }\narchitecture: { services: 4, orchestration: kubernetes }\nteam: { engineers: 1, devops_maturity: basic }\n');
    const texts = a.findings.map((f) => f.message).join('\n');
    expect(texts).not.toMatch(/\b1 engineers/);
    expect(texts).toMatch(/A single engineer without strong DevOps runs Kubernetes/);
    expect(texts).toMatch(/One engineer runs 4 independently deployed services/);
    const team = assessText('version: 1\ntraffic: { monthly_active_users: 5000 }\narchitecture: { services: 4, orchestration: kubernetes }\nteam: { engineers: 3, devops_maturity: basic }\n');
    expect(team.findings.map((f) => f.message).join('\n')).toMatch(/A team of 3 engineers without strong DevOps runs Kubernetes[^]*3 engineers run 4 independently/);
  });
});
