// The dialogue behind each action key: what is asked, in which order, and
// what happens on yes. Nothing is written before the last yes; a no or Esc
// leaves everything as it was.
import type { Inputs } from '../load.js';
import type { Finding } from '../model.js';
import { defaultWaiverExpiry, waiverProblem } from '../decisions/waiver-add.js';
import { isUserError } from '../util/errors.js';
import { addWaiverFor, planTemplate, scaffoldDir, templatesFor, writeAdrFor, writeTemplate, type ActionResult } from './actions.js';
import type { Prompt } from './prompts.js';

export interface ActionContext {
  inputs: Inputs;
  finding: Finding;
  /** show a prompt, or none */
  ask(prompt: Prompt | null): void;
  /** a file was written: take the new inputs (the dashboard evaluates again) and say what happened */
  done(result: ActionResult): void;
  /** say something; nothing changed */
  say(message: string): void;
}

/** A problem on the one status line: several become one line. */
function problemText(e: unknown): string {
  const text = isUserError(e) ? e.message : e instanceof Error ? e.message : String(e);
  return text.split('\n').join('; ');
}

/** Run an action; a problem it reports (a user error) becomes the status message instead of ending the dashboard. */
async function attempt(ctx: ActionContext, action: () => Promise<ActionResult> | ActionResult): Promise<void> {
  ctx.ask(null);
  try {
    ctx.done(await action());
  } catch (e) {
    ctx.say(`Nothing written: ${problemText(e)}`);
  }
}

const cancelled = (ctx: ActionContext) => () => {
  ctx.ask(null);
  ctx.say('Cancelled; nothing written.');
};

/** The finding already has a decision: say which instead of asking. */
function decided(ctx: ActionContext): boolean {
  const f = ctx.finding;
  if (f.status === 'addressed') ctx.say(`Already addressed by ${f.addressed_by}`);
  else if (f.status === 'waived') ctx.say('Already waived; the waiver is in the detail pane.');
  else return false;
  return true;
}

/** `a`: a proposed ADR from the finding's rule, as `adr from RULE` writes it. */
export function askAdr(ctx: ActionContext): void {
  if (decided(ctx)) return;
  ctx.ask({
    kind: 'confirm',
    question: `Write a proposed ADR for ${ctx.finding.rule}?`,
    yes: () => void attempt(ctx, () => writeAdrFor(ctx.inputs, ctx.finding)),
    no: cancelled(ctx),
  });
}

/** `s`: choose one of the rule's config templates and render it into the scaffold directory. */
export function askScaffold(ctx: ActionContext): void {
  const templates = templatesFor(ctx.inputs, ctx.finding);
  if (!templates.length) {
    ctx.say(`${ctx.finding.rule} has no config template; \`scale-advise scaffold list\` shows the templates and their rules.`);
    return;
  }
  const dir = scaffoldDir(ctx.inputs);
  const render = (index: number) => {
    const template = templates[index]!;
    ctx.ask({
      kind: 'confirm',
      question: `Render ${template.name} (${template.title}) into ${dir}/${template.name}?`,
      no: cancelled(ctx),
      yes: () => {
        ctx.ask(null);
        planTemplate(ctx.inputs, template).then(
          (plan) => {
            if (!plan.differing.length) return void attempt(ctx, () => writeTemplate(ctx.inputs, plan, false));
            ctx.ask({
              kind: 'confirm',
              question: `${plan.differing.join(', ')} exist${plan.differing.length === 1 ? 's' : ''} and differ${plan.differing.length === 1 ? 's' : ''}; replace?`,
              yes: () => void attempt(ctx, () => writeTemplate(ctx.inputs, plan, true)),
              no: cancelled(ctx),
            });
          },
          (e: unknown) => ctx.say(`Nothing written: ${problemText(e)}`),
        );
      },
    });
  };
  if (templates.length === 1) render(0);
  else ctx.ask({ kind: 'choice', label: 'Template', options: templates.map((t) => t.name), choose: render, cancel: cancelled(ctx) });
}

/** `w`: owner, reason and expiry, then the waiver goes into the profile. */
export function askWaiver(ctx: ActionContext): void {
  if (decided(ctx)) return;
  const { inputs, finding } = ctx;
  const ruleIds = inputs.catalog.rules.map((r) => r.id);
  const answers = { owner: '', reason: '', expires: defaultWaiverExpiry(inputs.now) };
  const confirm = () =>
    ctx.ask({
      kind: 'confirm',
      question: `Waive ${finding.rule} until ${answers.expires} (owner ${answers.owner}) in ${inputs.profile.displayPath}?`,
      yes: () => void attempt(ctx, () => addWaiverFor(inputs, finding, answers)),
      no: cancelled(ctx),
    });
  const field = (key: keyof typeof answers, label: string, next: () => void, check: (value: string) => string | null) =>
    ctx.ask({
      kind: 'text',
      label,
      initial: answers[key],
      cancel: cancelled(ctx),
      submit: (value) => {
        const problem = check(value.trim());
        if (problem) return problem;
        answers[key] = value.trim();
        next();
        return null;
      },
    });
  const expiry = () =>
    field('expires', 'Expires (YYYY-MM-DD)', confirm, (v) => waiverProblem({ rule: finding.rule, ...answers, expires: v }, ruleIds, inputs.now));
  const reason = () => field('reason', 'Reason', expiry, (v) => (v ? null : 'the waiver needs a reason: why not act on it now?'));
  field('owner', `Waive ${finding.rule}: owner`, reason, (v) => (v ? null : 'the waiver needs an owner: a person or team'));
}
