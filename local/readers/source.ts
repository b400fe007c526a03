// What a reader hands to the normaliser: table rows with their source lines, or plain text (.txt/.tsv).

export interface TableSource {
  rows: string[][];
  before: string[];
  after: string[];
  /** 1-based line (sheet row, CSV line, document block) of each row. */
  lineOf: number[];
}

export type RoadmapSource = TableSource | string;
