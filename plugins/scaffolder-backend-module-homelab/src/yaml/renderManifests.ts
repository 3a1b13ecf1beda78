import { Document } from 'yaml';
import { newDocumentOptions, toStringOptions } from './yamlStyle';

/**
 * Serialises objects as a multi-document YAML file. Every value goes
 * through the YAML library, so free text always comes out as one scalar.
 */
export function renderManifests(objects: unknown[], indentSeq: boolean, comment?: string): string {
  return objects
    .map((o, i) => {
      const doc = new Document(o, newDocumentOptions);
      if (i > 0) doc.directives!.docStart = true;
      if (i === 0 && comment && doc.contents) doc.contents.commentBefore = ` ${comment.replace(/[\r\n]+/g, ' ')}`;
      return doc.toString(toStringOptions(indentSeq));
    })
    .join('');
}
