// The CI gate: a GitHub Actions workflow and a GitLab CI job that run
// `scale-advise check` and keep its SARIF report.
import { TOOL_VERSION } from '../version.js';
import type { TemplateInputs } from './inputs.js';
import type { Artefact } from './types.js';

export const CHECK_COMMAND = 'scale-advise check --format sarif:scale-advise.sarif --format text';
/** GitLab shows JUnit reports in merge requests: the job writes one too. */
export const GITLAB_CHECK_COMMAND = 'scale-advise check --format sarif:scale-advise.sarif --format junit:scale-advise.junit.xml --format text';

function install(inputs: TemplateInputs): string {
  inputs.remark(`scale-advise pinned to ${TOOL_VERSION}, the version that generated this file, so a new rule never fails a build unannounced`);
  return `npm install --global scale-advise@${TOOL_VERSION}`;
}

export function renderGithubActions(inputs: TemplateInputs): Artefact[] {
  const branch = inputs.strParam('branch');
  const node = inputs.strParam('node_version');
  const workflow = {
    name: 'scale-advise',
    on: {
      pull_request: {},
      push: { branches: [branch] },
      // Waivers expire on their own: check weekly even when nobody pushes.
      schedule: [{ cron: '17 6 * * 1' }],
    },
    permissions: { contents: 'read' },
    jobs: {
      'scale-advise': {
        'runs-on': 'ubuntu-latest',
        permissions: { contents: 'read', 'security-events': 'write' },
        steps: [
          { uses: 'actions/checkout@v4' },
          { uses: 'actions/setup-node@v4', with: { 'node-version': node } },
          { run: install(inputs) },
          { name: 'Check open warning signs', run: CHECK_COMMAND },
          {
            name: 'Upload SARIF',
            if: "${{ !cancelled() && hashFiles('scale-advise.sarif') != '' }}",
            uses: 'github/codeql-action/upload-sarif@v3',
            with: { sarif_file: 'scale-advise.sarif', category: 'scale-advise' },
          },
        ],
      },
    },
  };
  return [{ path: 'scale-advise.yml', yaml: workflow }];
}

export function renderGitlabCi(inputs: TemplateInputs): Artefact[] {
  const job = {
    'scale-advise': {
      stage: inputs.strParam('stage'),
      image: `node:${inputs.strParam('node_version')}`,
      script: [install(inputs), GITLAB_CHECK_COMMAND],
      artifacts: {
        when: 'always',
        paths: ['scale-advise.sarif', 'scale-advise.junit.xml'],
        reports: { junit: 'scale-advise.junit.xml' },
        expose_as: 'scale-advise SARIF',
        expire_in: '30 days',
      },
      rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }, { if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }, { if: '$CI_PIPELINE_SOURCE == "schedule"' }],
    },
  };
  return [{ path: 'scale-advise.gitlab-ci.yml', yaml: job }];
}
