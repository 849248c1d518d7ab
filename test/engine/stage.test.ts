import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../src/engine/catalog.js';
import { customStageModel, placeStage } from '../../src/engine/stage.js';
import type { Fact, StageModel } from '../../src/model.js';

const models = new Map(builtInCatalog().stageModels.map((m) => [m.id, m]));
const model = (id: string) => models.get(id)!;
const facts = (values: Record<string, number>) =>
  new Map(Object.entries(values).map(([id, value]): [string, Fact] => [id, { id, value, provenance: 'declared', position: null }]));

describe('stage models', () => {
  it('ships the default, seed-002 and seed-004 models', () => {
    expect([...models.keys()].sort()).toEqual(['default', 'seed-002', 'seed-004']);
    expect(model('default').dimensions).toEqual(model('seed-004').dimensions);
  });

  it.each([
    [9999, 'mvp'],
    [10000, 'growth'],
    [48000, 'growth'],
    [100000, 'scale'],
    [999999, 'scale'],
    [1000000, 'enterprise'],
  ])('default: %i monthly active users is %s', (mau, stage) => {
    expect(placeStage(model('default'), facts({ 'traffic.monthly_active_users': mau })).id).toBe(stage);
  });

  it("seed 002's bands sit ten times lower than seed 004's", () => {
    const f = facts({ 'traffic.monthly_active_users': 48000 });
    expect(placeStage(model('seed-002'), f).id).toBe('scale');
    expect(placeStage(model('seed-004'), f).id).toBe('growth');
  });

  it('reports each dimension and which fact decided the overall stage', () => {
    const s = placeStage(model('default'), facts({ 'traffic.monthly_active_users': 48000, 'database.size_gb': 400, 'database.write_qps_peak': 1200, 'team.engineers': 12, 'team.teams': 2 }));
    expect(s).toMatchObject({
      id: 'growth',
      index: 2,
      name: 'Growth',
      model: 'default',
      decided_by: { fact: 'traffic.monthly_active_users', value: 48000 },
      dimensions: { traffic: 'growth', data: 'growth', organization: 'scale' },
    });
    expect(s.dimension_facts.organization).toEqual({ fact: 'team.engineers', value: 12 });
  });

  it('falls back to daily actives, then to data and organization when traffic is unknown', () => {
    expect(placeStage(model('default'), facts({ 'traffic.daily_active_users': 30000 })).id).toBe('scale');
    const s = placeStage(model('default'), facts({ 'team.engineers': 60 }));
    expect(s).toMatchObject({ id: 'enterprise', decided_by: { fact: 'team.engineers', value: 60 } });
  });

  it('is unknown when no fact places the system', () => {
    expect(placeStage(model('default'), facts({}))).toMatchObject({ id: null, index: null, decided_by: null });
  });

  it("a profile's own model decides by its fact and keeps the default's other dimensions", () => {
    const custom: StageModel = customStageModel('ours', { dimension: 'traffic.peak_rps', thresholds: [50, 500, 5000] }, model('default'));
    const s = placeStage(custom, facts({ 'traffic.peak_rps': 800, 'traffic.monthly_active_users': 3000, 'team.engineers': 12 }));
    expect(s).toMatchObject({ id: 'scale', model: 'ours', decided_by: { fact: 'traffic.peak_rps', value: 800 } });
    expect(s.dimensions.organization).toBe('scale');
  });
});
