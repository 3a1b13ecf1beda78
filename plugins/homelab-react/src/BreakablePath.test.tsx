import { render } from '@testing-library/react';
import { BreakablePath } from './BreakablePath';

describe('BreakablePath', () => {
  it('reads as the path, with a break opportunity after each slash and nowhere else', () => {
    const { container } = render(<BreakablePath path="cluster/apps/media/jellyfin/pvc.yaml" />);
    expect(container.textContent).toBe('cluster/apps/media/jellyfin/pvc.yaml');
    expect(container.innerHTML).toBe('cluster/<wbr>apps/<wbr>media/<wbr>jellyfin/<wbr>pvc.yaml');
  });

  it('leaves a bare file name alone', () => {
    const { container } = render(<BreakablePath path="kustomization.yaml" />);
    expect(container.innerHTML).toBe('kustomization.yaml');
  });
});
