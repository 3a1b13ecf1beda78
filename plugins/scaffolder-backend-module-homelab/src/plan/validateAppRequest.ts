import { InputError } from '@backstage/errors';
import { HomelabFieldRules, SINGLE_LINE_TEXT_PATTERN } from '@internal/plugin-homelab-scaffolder-common';
import type { AppRequest } from './AppRequest';

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/;
const PROPERTY = /^[a-z][a-z0-9_]{0,62}$/;
const ENTITY_REF = /^(?:[a-z]+:)?(?:[a-z0-9-]+\/)?([a-z0-9][-a-z0-9.]*)$/i;
const SINGLE_LINE = new RegExp(SINGLE_LINE_TEXT_PATTERN);
const maxLengthOf: Record<string, number> = {
  description: HomelabFieldRules.singleLineText.maxLength,
  image: HomelabFieldRules.image.maxLength,
  hostname: HomelabFieldRules.hostname.maxLength,
  entrypoint: 500,
};

const refuse = (field: string, message: string): never => {
  throw new InputError(`${field}: ${message}`);
};

/** Applies a rule of the form (the same validator the field runs as the user types), naming the field. */
function checkRule(field: string, rule: keyof typeof HomelabFieldRules, value: string) {
  const message = HomelabFieldRules[rule].validate(value);
  if (message !== undefined) refuse(field, message);
}

/** Refuses `../`, control characters and line breaks anywhere in a value, and overlong values. */
function checkText(field: string, value: string, max: number) {
  if (value.length > max) refuse(field, `is ${value.length} characters long; at most ${max} are allowed`);
  if (!SINGLE_LINE.test(value)) refuse(field, 'must be one line of text without control characters or line breaks');
  if (/(^|[\\/])\.\.([\\/]|$)/.test(value)) refuse(field, 'must not contain a relative path (`../`)');
}

/** A Kubernetes name: the app-name rule of the form (DNS-1123 label, at most 63 characters). */
function checkName(field: string, value: string | undefined, required = true) {
  if (value === undefined || value === '') {
    if (required) refuse(field, 'is required');
    return;
  }
  checkText(field, value, 253);
  if (value.startsWith('/')) refuse(field, 'must not be an absolute path');
  checkRule(field, 'appName', value);
}

/** The name of an entity ref (`resource:default/pg-media` → `pg-media`); refuses anything else. */
export function nameOfRef(field: string, value: string): string {
  checkText(field, value, 253);
  const hit = value.match(ENTITY_REF);
  if (!hit) refuse(field, `"${value}" is neither a name nor an entity ref`);
  checkName(field, hit![1]);
  return hit![1];
}

/**
 * Field rules every template repeats as JSON-schema patterns; checked again
 * here because the backend never runs frontend validators. Throws an
 * InputError naming the field.
 *
 * @public
 */
export function validateAppRequest(req: AppRequest): void {
  for (const [field, value] of Object.entries(req)) {
    if (typeof value === 'string') {
      checkText(field, value, maxLengthOf[field] ?? 253);
      if (field !== 'description' && value.startsWith('/')) refuse(field, 'must not be an absolute path');
    }
  }
  checkName('name', req.name);
  checkName('domain', req.domain);
  if (req.source !== undefined) checkName('source', req.source);
  if (req.kind !== 'platform' && req.kind !== 'ray-job' && req.kind !== 'ray-service' && !req.image) refuse('image', 'is required');
  if (req.image) checkRule('image', 'image', req.image);
  if (req.port !== undefined && !(Number.isInteger(req.port) && req.port > 0 && req.port < 65536)) refuse('port', 'must be a port number between 1 and 65535');
  if (req.replicas !== undefined && !(Number.isInteger(req.replicas) && req.replicas >= 1 && req.replicas <= 10)) refuse('replicas', 'must be between 1 and 10');
  for (const f of ['cpu', 'memory'] as const) {
    if (req[f] !== undefined && !QUANTITY.test(req[f]!)) refuse(f, `"${req[f]}" is not a Kubernetes quantity (e.g. 100m, 256Mi)`);
  }
  if (req.hostname !== undefined && req.hostname !== '') checkRule('hostname', 'hostname', req.hostname);
  if (req.storage) {
    if (!QUANTITY.test(req.storage.size)) refuse('storage.size', `"${req.storage.size}" is not a size (e.g. 5Gi)`);
    checkText('storage.mountPath', req.storage.mountPath, 200);
    if (!/^\/[A-Za-z0-9._/-]*$/.test(req.storage.mountPath)) refuse('storage.mountPath', 'must be an absolute path inside the container, like /data');
    if (req.storage.storageClass) nameOfRef('storage.storageClass', req.storage.storageClass);
  }
  if (req.database !== undefined && req.database !== '') {
    checkText('database', req.database, 63);
    if (!/^[a-z_][a-z0-9_]*$/.test(req.database)) refuse('database', 'must be a Postgres identifier: lowercase letters, digits and underscores');
  }
  for (const key of req.secretKeys ?? []) {
    if (!PROPERTY.test(key)) refuse('secretKeys', `"${key}" must be a lowercase property name (letters, digits, underscores)`);
  }
  if (req.entrypoint !== undefined) checkText('entrypoint', req.entrypoint, 500);
  if (req.category !== undefined) checkName('category', req.category);
  if (req.namespace !== undefined && req.namespace !== '') checkName('namespace', req.namespace);
  if (req.chart) {
    checkText('chart.repoURL', req.chart.repoURL, 253);
    if (!/^(https|oci):\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~-]+)*\/?$/.test(req.chart.repoURL)) refuse('chart.repoURL', 'must be an https:// or oci:// URL');
    checkName('chart.chart', req.chart.chart);
    if (!/^v?[0-9]+(\.[0-9]+){0,2}([-+][A-Za-z0-9.-]+)?$/.test(req.chart.version)) refuse('chart.version', 'must be a pinned chart version like 1.4.2');
  }
  if (req.owner) nameOfRef('owner', req.owner);
}
