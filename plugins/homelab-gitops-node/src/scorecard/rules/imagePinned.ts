import { containers } from '../../model/k8s';
import { describeManifest, workloadsOf } from '../manifestFacts';
import type { ScorecardRule } from '../types';

function imageProblem(image: string): string | undefined {
  if (image.includes('@sha256:')) return undefined;
  const lastSegment = image.split('/').pop() ?? image;
  if (!lastSegment.includes(':')) return 'has no tag (defaults to :latest)';
  return lastSegment.split(':').pop() === 'latest' ? 'uses :latest' : undefined;
}

/** Images are pinned to a version, not :latest or untagged. */
export const imagePinned: ScorecardRule = {
  id: 'image-pinned',
  checkUnit: unit =>
    workloadsOf(unit).flatMap(w =>
      containers(w.object).map(c => {
        const problem = imageProblem(String(c.image ?? ''));
        return {
          rule: 'image-pinned' as const,
          passed: !problem,
          message: problem
            ? `${describeManifest(w)}: container ${c.name} image ${c.image} ${problem}; pin a version`
            : `${describeManifest(w)}: ${c.image}`,
          file: w.file,
        };
      }),
    ),
};
