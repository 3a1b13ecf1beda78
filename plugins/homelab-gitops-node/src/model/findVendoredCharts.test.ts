import { findVendoredCharts, isChartTemplate } from './findVendoredCharts';

describe('findVendoredCharts', () => {
  const files = [
    { path: 'charts/servarr/Chart.yaml', content: 'apiVersion: v2\nname: servarr\nversion: 0.3.1\n' },
    { path: 'charts/servarr/values.yaml', content: 'image: {}\n' },
    { path: 'charts/servarr/templates/deployment.yaml', content: 'metadata:\n  labels:\n    {{- include "x" . | nindent 4 }}\n' },
    // A Chart.yaml without templates is not a chart folder (e.g. an umbrella's notes).
    { path: 'docs/Chart.yaml', content: 'name: notes\n' },
  ];

  it('finds folders with Chart.yaml and templates/, with name and version', () => {
    expect(findVendoredCharts(files)).toEqual([{ path: 'charts/servarr', name: 'servarr', version: '0.3.1' }]);
  });

  it('tells templates and subcharts apart from the chart values', () => {
    const charts = findVendoredCharts(files);
    expect(isChartTemplate('charts/servarr/templates/deployment.yaml', charts)).toBe(true);
    expect(isChartTemplate('charts/servarr/charts/sub/templates/x.yaml', charts)).toBe(true);
    expect(isChartTemplate('charts/servarr/values.yaml', charts)).toBe(false);
    expect(isChartTemplate('cluster/apps/templates/x.yaml', charts)).toBe(false);
  });
});
