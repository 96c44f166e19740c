// The grants of a case in the card detail panel (the economics feature fills this in).
import type { Grant } from '../../../../shared/domain';

export interface GrantsSectionProps {
  caseId: number;
  teamId: number;
  grants: Grant[];
  /** Called after a grant was saved, so the panel reloads. */
  onChanged(): void;
}

export function GrantsSection(props: GrantsSectionProps) {
  void props;
  return null;
}
