#!/usr/bin/env node
// Validates Kubernetes objects against the schemas of the @kubernetes-models
// packages: core kinds, Argo CD, External Secrets, CloudNativePG and the
// Vertical Pod Autoscaler. An object of any other kind fails with "no schema",
// so a new kind cannot slip through unchecked. The e2e tests import it; the
// scaffolder's Jest tests run it as a child process, because Jest's CommonJS
// runtime cannot load these ESM-only packages.
//
//   kubectl kustomize DIR | node scripts/validate-kubernetes-objects.mjs
//
// Reads a YAML (or JSON) stream on stdin, prints one line per invalid object
// and exits 1 if there is any.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** The model package of each API group without one in `kubernetes-models`. */
const PACKAGE_OF_GROUP = {
  'argoproj.io': '@kubernetes-models/argo-cd',
  'external-secrets.io': '@kubernetes-models/external-secrets',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
  'autoscaling.k8s.io': '@kubernetes-models/autoscaler',
};

/** The model class of an object's apiVersion and kind, or undefined if no package models it. */
export async function modelOf({ apiVersion, kind }) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = PACKAGE_OF_GROUP[group];
  const specifier = pkg ? `${pkg}/${group}/${version}` : `kubernetes-models/${group ? `${group}/` : ''}${version}`;
  try {
    return (await import(specifier))[kind];
  } catch (error) {
    // An unknown group or version is a missing model; anything else is a bug to see.
    if (error?.code === 'ERR_MODULE_NOT_FOUND' || error?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}

/** One line per invalid object, `Kind/name: message` naming the failing field; empty when all are valid. */
export async function validateKubernetesObjects(objects) {
  const failures = [];
  for (const obj of objects) {
    const id = `${obj?.kind}/${obj?.metadata?.name}`;
    const Model = await modelOf(obj ?? {});
    if (!Model) {
      failures.push(`${id}: no schema for ${obj?.apiVersion} ${obj?.kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (error) {
      failures.push(`${id}: ${error.message}`);
    }
  }
  return failures;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const objects = parseAllDocuments(readFileSync(0, 'utf8'))
    .map(d => d.toJS())
    .filter(Boolean);
  const failures = await validateKubernetesObjects(objects);
  for (const line of failures) process.stdout.write(`${line}\n`);
  process.exitCode = failures.length ? 1 : 0;
}
