import type { reportsVi } from './reports.vi';

/** English texts of the year-end report page and of the drill-down filters; the same keys as reports.vi.ts. */
export const reportsEn: Record<keyof typeof reportsVi, string> = {
  'reports.nav': 'Year-end report',
  'reports.title': 'Year-end report {year}',
  'reports.openButton': 'Year-end report',
  'reports.year': 'Year',
  'reports.pickUnit': 'Choose a unit in the bar above to see its year-end report.',
  'reports.figuresNote':
    'The tables of figures (self-governing teams, funds, campaigns, households, results against the targets) are always taken from the data when the file is made. Only the text is edited here: a section left as it is keeps the default sentences, always written again from the latest figures; an edited section is kept exactly as saved, numbers written in it included. Empty a section to go back to its default sentences.',
  'reports.defaultsNote':
    'Nothing has been saved for this report yet: the paragraphs below are default sentences written from the current figures.',
  'reports.savedAt': 'Last saved at {time}',
  'reports.readOnly': 'You may read only; the standing committee and the unit’s officers edit the report.',
  'reports.download.title': 'Download the report',
  'reports.download.docx': 'Word (.docx)',
  'reports.download.pdf': 'PDF',
  'reports.download.xlsx': 'Excel annex (.xlsx)',
  'reports.download.making': 'Making the file…',
  'reports.field.number': 'Number and symbol',
  'reports.field.date': 'Date signed',
  'reports.field.signatory': 'Signatory',
  'reports.field.paragraphsHint': 'Separate paragraphs with an empty line.',
  'reports.section.self_governance': 'I. Self-governance of the residential community',
  'reports.section.funds': 'II. The "For the poor" fund and social security',
  'reports.section.campaigns': 'III. Campaigns',
  'reports.section.register': 'IV. Households and cultural families',
  'reports.section.next_year': 'Directions and tasks for {year}',
  'reports.save': 'Save the text',
  'reports.saved': 'The report’s text is saved',
  'reports.filter.culturalYear': 'Registered as a cultural family for {year}',
  'reports.filter.kind': 'Kind: {kind}',
  'reports.filter.year': 'Starting in {year}',
  'reports.filter.remove': 'Remove the filter',
};
