import type { StageModel } from '../model.js';
import type { Profile } from '../profile/load.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { factDictionary, type Catalog } from './catalog.js';
import { customStageModel, DEFAULT_STAGE_MODEL } from './stage.js';

/**
 * The stage model for a run: `--stage-model`, else the profile's
 * `stage_model`, else the default; a profile may define its own under
 * `stage_models`, on a numeric fact.
 */
export function chooseStageModel(profile: Profile, catalog: Catalog, override?: string): StageModel {
  const name = override ?? profile.data.stage_model ?? DEFAULT_STAGE_MODEL;
  const custom = profile.data.stage_models?.[name];
  const base = catalog.stageModels.get(DEFAULT_STAGE_MODEL)!;
  if (custom) {
    // Stages are placed by numbers: only numeric facts can carry thresholds.
    const known = factDictionary()
      .filter((f) => (f.type === 'number' || f.type === 'integer') && !f.id.startsWith('stage.'))
      .map((f) => f.id);
    if (!known.includes(custom.dimension)) {
      const near = closest(custom.dimension, known);
      throw new UserError([
        {
          file: profile.displayPath,
          position: profile.positionOf(['stage_models', name, 'dimension']),
          message: `\`stage_models.${name}.dimension\` names no numeric fact: ${custom.dimension}`,
          hint: near ? `did you mean \`${near}\`?` : 'docs/facts.md lists the facts',
        },
      ]);
    }
    return customStageModel(name, custom, base);
  }
  const shipped = catalog.stageModels.get(name);
  if (shipped) return shipped;
  const known = [...catalog.stageModels.keys(), ...Object.keys(profile.data.stage_models ?? {})];
  const near = closest(name, known);
  throw new UserError([
    {
      file: override ? '--stage-model' : profile.displayPath,
      position: override ? null : profile.positionOf(['stage_model']),
      message: `unknown stage model \`${name}\`; known models: ${known.join(', ')}`,
      ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
    },
  ]);
}
