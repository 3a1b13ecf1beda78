import { Document, isMap, isSeq, isScalar, parseAllDocuments } from 'yaml';
import type { YAMLSeq } from 'yaml';
import { InputError } from '@backstage/errors';
import { indentsSequences, newDocumentOptions, toStringOptions } from './yamlStyle';

type Docs = Document.Parsed[];

function parse(file: string, text: string): Docs {
  const docs = parseAllDocuments(text) as Docs;
  for (const d of docs) {
    if (d.errors.length) {
      const e = d.errors[0];
      throw new InputError(`${file}:${e.linePos?.[0]?.line ?? '?'}: cannot edit malformed YAML: ${e.message.split('\n')[0]}`);
    }
  }
  return docs;
}

const serialise = (docs: Document[], text: string, fallback: boolean) =>
  docs.map(d => d.toString(toStringOptions(indentsSequences(text, fallback)))).join('');

const isSorted = (items: string[]) => items.every((v, i) => i === 0 || items[i - 1].localeCompare(v) <= 0);

/**
 * Adds an entry to a kustomization's `resources` as a document edit: comments
 * stay, the list keeps its indentation, and a sorted list stays sorted
 * (an unsorted one gets the entry at the end).
 */
export function addKustomizationResource(file: string, text: string, entry: string, fallbackIndent: boolean): string {
  const docs = parse(file, text);
  const doc = docs.find(d => isMap(d.contents) && d.get('kind') === 'Kustomization') ?? docs[0];
  let seq = doc.get('resources', true) as YAMLSeq | undefined;
  if (!seq) {
    doc.set('resources', doc.createNode([]));
    seq = doc.get('resources', true) as YAMLSeq;
  }
  if (!isSeq(seq)) throw new InputError(`${file}: resources is not a list`);
  const items = seq.items.map(i => String(isScalar(i) ? i.value : i));
  if (items.includes(entry)) throw new InputError(`${file} already lists ${entry}`);
  const node = doc.createNode(entry);
  if (items.length > 1 && isSorted(items)) {
    const at = items.findIndex(v => v.localeCompare(entry) > 0);
    seq.items.splice(at === -1 ? items.length : at, 0, node);
  } else {
    seq.items.push(node);
  }
  return serialise(docs, text, fallbackIndent);
}

/** Appends objects as new documents at the end of a multi-document file. */
export function appendDocuments(file: string, text: string, objects: unknown[], fallbackIndent: boolean): string {
  const docs: Document[] = parse(file, text);
  for (const o of objects) {
    const d = new Document(o, newDocumentOptions);
    d.directives!.docStart = true;
    docs.push(d);
  }
  return serialise(docs, text, fallbackIndent);
}

/**
 * Adds a role to `spec.managed.roles` of the CloudNativePG Cluster named
 * `cluster` in the file, copying the shape of the roles already there.
 */
export function addManagedRole(file: string, text: string, cluster: string, role: Record<string, unknown>, fallbackIndent: boolean): string {
  const docs = parse(file, text);
  const doc = docs.find(d => d.get('kind') === 'Cluster' && d.getIn(['metadata', 'name']) === cluster);
  if (!doc) throw new InputError(`${file} holds no Cluster ${cluster}`);
  const roles = doc.getIn(['spec', 'managed', 'roles'], true);
  if (roles && !isSeq(roles)) throw new InputError(`${file}: spec.managed.roles of ${cluster} is not a list`);
  const existing = isSeq(roles) ? roles.items.map(r => (isMap(r) ? r.get('name') : undefined)) : [];
  if (existing.includes(role.name)) throw new InputError(`Cluster ${cluster} already has a managed role ${role.name}`);
  if (roles) doc.addIn(['spec', 'managed', 'roles'], doc.createNode(role));
  else doc.setIn(['spec', 'managed', 'roles'], doc.createNode([role]));
  return serialise(docs, text, fallbackIndent);
}
