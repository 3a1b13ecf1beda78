import { InfoCard, Link, WarningPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { readScorecard, SCORECARD_RULES } from '@internal/plugin-homelab-common';
import type { ScorecardFinding, ScorecardRuleId } from '@internal/plugin-homelab-common';
import { BreakablePath, WrappingListItemText } from '@internal/plugin-homelab-react';
import { Box, Chip, List, ListItem, ListItemIcon, Typography } from '@material-ui/core';
import { repoFileUrl } from './repoLinks';

function RuleRow({ entity, rule, findings }: { entity: Entity; rule: ScorecardRuleId; findings: ScorecardFinding[] }) {
  const failed = findings.filter(f => !f.passed);
  const ok = failed.length === 0;
  return (
    <ListItem alignItems="flex-start" dense>
      <ListItemIcon>
        <Chip
          size="small"
          label={ok ? 'pass' : 'fail'}
          style={{ background: ok ? '#2e7d32' : '#c62828', color: 'white', fontWeight: 600 }}
        />
      </ListItemIcon>
      <WrappingListItemText
        primary={SCORECARD_RULES[rule]}
        secondary={
          ok ? (
            `${findings.length} checked`
          ) : (
            <>
              {failed.map((f, i) => {
                const url = f.file ? repoFileUrl(entity, f.file) : undefined;
                return (
                  <Typography component="span" display="block" variant="body2" key={i}>
                    {f.message}
                    {f.file && (
                      <>
                        {' — fix in '}
                        {url ? (
                          <Link to={url}>
                            <BreakablePath path={f.file} />
                          </Link>
                        ) : (
                          <code>
                            <BreakablePath path={f.file} />
                          </code>
                        )}
                      </>
                    )}
                  </Typography>
                );
              })}
            </>
          )
        }
      />
    </ListItem>
  );
}

/** The convention scorecard of one entity, as pass/fail per rule with the file to fix. */
export function ConventionScorecard({ entity }: { entity: Entity }) {
  const result = readScorecard(entity);
  if (result.kind === 'absent') {
    return <Typography variant="body2">GitOps discovery has not checked this entity.</Typography>;
  }
  if (result.kind === 'invalid') {
    return <WarningPanel severity="error" title="The scorecard of this entity cannot be read" message={result.error} />;
  }
  const rules = [...new Set(result.findings.map(f => f.rule))];
  const failing = rules.filter(r => result.findings.some(f => f.rule === r && !f.passed));
  return (
    <>
      <Box mb={1}>
        <Typography variant="subtitle1">
          {rules.length - failing.length} of {rules.length} conventions kept
        </Typography>
      </Box>
      <List dense disablePadding>
        {[...failing, ...rules.filter(r => !failing.includes(r))].map(rule => (
          <RuleRow key={rule} entity={entity} rule={rule} findings={result.findings.filter(f => f.rule === rule)} />
        ))}
      </List>
    </>
  );
}

/** Entity card: the convention scorecard. */
export function ConventionScorecardCard() {
  const { entity } = useEntity();
  return (
    <InfoCard title="Convention scorecard" subheader="Checked by GitOps discovery on every repo change">
      <ConventionScorecard entity={entity} />
    </InfoCard>
  );
}
