import { mockServices } from '@backstage/backend-test-utils';

/** A scaffolder action context as the task runner passes it, outputs collected. */
export function actionContext<I>(input: I, workspacePath: string, isDryRun = false) {
  const outputs: Record<string, unknown> = {};
  return {
    outputs,
    ctx: {
      input,
      workspacePath,
      isDryRun,
      logger: mockServices.logger.mock(),
      output: (name: string, value: unknown) => {
        outputs[name] = value;
      },
      createTemporaryDirectory: async () => workspacePath,
      checkpoint: async ({ fn }: { fn: () => Promise<unknown> }) => fn(),
      getInitiatorCredentials: async () => ({}) as any,
      task: { id: 'test' },
      templateInfo: { entityRef: 'template:default/test' },
    } as any,
  };
}
