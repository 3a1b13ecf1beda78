import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Box, Button, LinearProgress, Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { MarkdownContent } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { ScaffolderDryRunResponse, TemplateEntityV1beta3 } from '@backstage/plugin-scaffolder-common';
import {
  FieldExtensionComponentProps,
  scaffolderApiRef,
  useTemplateSecrets,
} from '@backstage/plugin-scaffolder-react';
import { describeDryRunError, DryRunErrorDescription } from '../../preview/describeDryRunError';
import { plannedFilesFromDryRun } from '../../preview/plannedFilesFromDryRun';
import { PlannedFilesView } from '../../preview/PlannedFilesView';

/** `ui:options` of `HomelabReviewPreview`. */
export interface HomelabReviewPreviewUiOptions {
  /** The template output holding the planned files (default `files`). */
  outputKey?: string;
  /** The template to dry-run; defaults to the one the Create page shows. */
  templateRef?: string;
}

type PreviewState =
  | { status: 'running' }
  | { status: 'done'; response: ScaffolderDryRunResponse }
  | { status: 'failed'; error: DryRunErrorDescription };

interface TextOutput {
  title?: string;
  content?: string;
}

/**
 * The review step: runs the template as a scaffolder dry-run with the values
 * entered so far and shows every file it would create or change, with a diff
 * for edits, before anything is published. Stores no value.
 */
export function HomelabReviewPreview(
  props: FieldExtensionComponentProps<string, HomelabReviewPreviewUiOptions>,
) {
  const { uiSchema, formContext, name, schema } = props;
  const options = uiSchema?.['ui:options'] ?? {};
  const params = useParams();
  const templateRef =
    options.templateRef ??
    (params.templateName
      ? stringifyEntityRef({ kind: 'Template', namespace: params.namespace ?? 'default', name: params.templateName })
      : undefined);
  const catalogApi = useApi(catalogApiRef);
  const scaffolderApi = useApi(scaffolderApiRef);
  const { secrets } = useTemplateSecrets();

  const values: Record<string, unknown> = { ...(formContext?.formData ?? {}) };
  delete values[name];
  const valuesKey = JSON.stringify(values);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<PreviewState>({ status: 'running' });

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'running' });
    (async () => {
      if (!templateRef) throw new Error('No template to preview: the page has no template in its address and ui:options.templateRef is not set.');
      const entity = await catalogApi.getEntityByRef(templateRef);
      if (!entity) throw new Error(`Template ${templateRef} is not in the catalog.`);
      // The dry-run endpoint takes the template as written, not the catalog's relations.
      const { relations: _relations, status: _status, ...template } = entity as TemplateEntityV1beta3 & {
        relations?: unknown;
        status?: unknown;
      };
      return scaffolderApi.dryRun({
        template: template as TemplateEntityV1beta3,
        values: JSON.parse(valuesKey),
        secrets,
        directoryContents: [],
      });
    })()
      .then(response => !cancelled && setState({ status: 'done', response }))
      .catch(error => {
        if (cancelled) return;
        const { domain } = JSON.parse(valuesKey) as { domain?: unknown };
        setState({ status: 'failed', error: describeDryRunError(error, { domain: typeof domain === 'string' ? domain : undefined }) });
      });
    return () => {
      cancelled = true;
    };
  }, [catalogApi, scaffolderApi, templateRef, valuesKey, secrets, attempt]);

  const again = useCallback(() => setAttempt(a => a + 1), []);

  return (
    <Box mt={1} mb={2}>
      <Typography variant="h6">{schema.title ?? 'Preview of the change'}</Typography>
      <Typography variant="body2" color="textSecondary" paragraph>
        {schema.description ??
          'A dry-run of this template with the values you entered. Nothing is written or published until you press Create.'}
      </Typography>
      {state.status === 'running' && (
        <Box role="status" aria-label="Running the dry-run">
          <LinearProgress />
          <Typography variant="body2" color="textSecondary">
            Running the template as a dry-run…
          </Typography>
        </Box>
      )}
      {state.status === 'failed' && (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={again}>
              Run again
            </Button>
          }
        >
          <AlertTitle>The dry-run failed{state.error.status ? ` (${state.error.status})` : ''}</AlertTitle>
          {state.error.message}
          {state.error.details.length > 0 && (
            <ul>
              {state.error.details.map(d => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {state.status === 'done' && <DryRunResult response={state.response} outputKey={options.outputKey} onAgain={again} />}
    </Box>
  );
}

function DryRunResult({
  response,
  outputKey,
  onAgain,
}: {
  response: ScaffolderDryRunResponse;
  outputKey?: string;
  onAgain: () => void;
}) {
  const plan = plannedFilesFromDryRun(response, outputKey);
  const created = plan.files.filter(f => f.action === 'create').length;
  const edited = plan.files.filter(f => f.action === 'edit').length;
  const texts = ((response.output as { text?: TextOutput[] })?.text ?? []).filter(t => t.content);
  return (
    <>
      <Box display="flex" alignItems="center" mb={1}>
        <Typography variant="subtitle1" style={{ flexGrow: 1 }} role="status">
          {plan.files.length === 0
            ? 'The dry-run wrote no files.'
            : `${created} ${created === 1 ? 'file' : 'files'} to create, ${edited} to change.`}
        </Typography>
        <Button size="small" onClick={onAgain}>
          Run again
        </Button>
      </Box>
      {plan.source === 'workspace' && plan.files.length > 0 && (
        <Typography variant="caption" color="textSecondary" paragraph>
          The template lists no planned files (output “{outputKey ?? 'files'}”); these are the files its steps left in the workspace.
        </Typography>
      )}
      <PlannedFilesView files={plan.files} />
      {texts.map(t => (
        <Box key={t.title ?? t.content} mt={2}>
          {t.title && <Typography variant="subtitle2">{t.title}</Typography>}
          <MarkdownContent content={t.content ?? ''} />
        </Box>
      ))}
    </>
  );
}
