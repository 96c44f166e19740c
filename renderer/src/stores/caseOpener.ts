// Opening a case from any view. The board feature registers how (its team's board loads and the
// card's detail opens); every other feature calls openCase and never imports the board, so no
// feature reaches into another.
type CaseOpener = (teamId: number, caseId: number) => Promise<void>;

let opener: CaseOpener | null = null;

export function registerCaseOpener(open: CaseOpener): void {
  opener = open;
}

export function openCase(teamId: number, caseId: number): Promise<void> {
  return opener ? opener(teamId, caseId) : Promise.resolve();
}
